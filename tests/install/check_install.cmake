# ctest install_layout: `cmake --install` into a scratch prefix puts the
# binary, its data, the shipped glossaries and the licence where the binary
# looks for them (PREFIX/bin/../share/transcheck), and the installed binary runs.
# Run as: cmake -DBUILD_DIR=... -DPREFIX=... -P check_install.cmake
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE result OUTPUT_QUIET)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${result}")
endif()
foreach(expected
    bin/transcheck
    share/transcheck/README.md
    share/transcheck/cedict/cedict.tsv
    share/transcheck/cedict/cedict.idx
    share/transcheck/cedict/LICENSE
    share/transcheck/glossaries/README.md
    share/transcheck/glossaries/medical.zh-en.tsv
    share/transcheck/glossaries/covid19.zh-en.tsv
    share/doc/transcheck/LICENSE)
  if(NOT EXISTS "${PREFIX}/${expected}")
    message(FATAL_ERROR "not installed: ${expected}")
  endif()
endforeach()
execute_process(COMMAND "${PREFIX}/bin/transcheck" glossary lint "${PREFIX}/share/transcheck/glossaries/medical.zh-en.tsv"
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "installed transcheck failed (${result}): ${out}${err}")
endif()
file(REMOVE_RECURSE "${PREFIX}")
