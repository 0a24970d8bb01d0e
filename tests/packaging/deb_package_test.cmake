# ctest: `cpack -G DEB` from this build, then check the package the way a user meets it: its
# Depends are Debian packages, it holds the programs, library, headers, CMake and pkg-config files,
# man pages and completion, and, unpacked into a scratch root (dpkg -x, no root needed), its
# `hearth` runs --version and a query on the sample device it ships.
# Run as: cmake -DBUILD_DIR=... -DSOURCE_DIR=... -DWORK_DIR=... -DCPACK=... -P deb_package_test.cmake
cmake_minimum_required(VERSION 3.25)
include(${CMAKE_CURRENT_LIST_DIR}/packaging_test_support.cmake)

file(REMOVE_RECURSE "${WORK_DIR}")
run_step("cpack -G DEB" "${CPACK}" -G DEB --config "${BUILD_DIR}/CPackConfig.cmake"
         -B "${WORK_DIR}/packages")
file(GLOB debs "${WORK_DIR}/packages/*.deb")
list(LENGTH debs count)
if(NOT count EQUAL 1)
  message(FATAL_ERROR "expected one .deb in ${WORK_DIR}/packages, found: ${debs}")
endif()

# Depends: every entry is a Debian package (dpkg-shlibdeps found the libraries' packages).
run_step("read Depends" dpkg-deb -f "${debs}" Depends OUTPUT depends)
message(STATUS "Depends: ${depends}")
if(NOT depends MATCHES "libc6" OR NOT depends MATCHES "libstdc\\+\\+6")
  message(FATAL_ERROR "Depends does not come from dpkg-shlibdeps: '${depends}'")
endif()
string(REGEX REPLACE " *\\([^)]*\\)" "" names "${depends}")
string(REPLACE ", " ";" names "${names}")
foreach(alternatives IN LISTS names)
  string(REGEX REPLACE " *\\|.*" "" name "${alternatives}")
  run_step("'${name}' is a Debian package" dpkg-query -W "${name}")
endforeach()

# Contents.
run_step("list the contents" dpkg-deb -c "${debs}" OUTPUT contents)
set(expected_files
  "/usr/bin/hearth(\n|$)" "/libhearth-core\\.so\\.[0-9]+\\.[0-9]+ " "/usr/include/hearth/package_index\\.h"
  "/usr/include/hearth/version\\.h" "/cmake/Hearth/HearthConfig\\.cmake" "/pkgconfig/hearth\\.pc"
  "/usr/share/man/man1/hearth\\.1" "/usr/share/man/man1/hearth-query\\.1"
  "/usr/share/bash-completion/completions/hearth" "/usr/share/zsh/vendor-completions/_hearth"
  "/usr/share/hearth/samples/devices/seed/device\\.json")
if(EXISTS "${BUILD_DIR}/gui/hearth-gui")
  list(APPEND expected_files "/usr/bin/hearth-gui" "/usr/share/applications/hearth-gui\\.desktop"
       "/usr/share/icons/hicolor/scalable/apps/hearth\\.svg"
       "/usr/share/icons/hicolor/48x48/apps/hearth\\.png")
endif()
foreach(expected IN LISTS expected_files)
  string(REGEX MATCH "${expected}" found "${contents}")
  if(NOT found)
    message(FATAL_ERROR "the package lacks ${expected}:\n${contents}")
  endif()
endforeach()

# Unpacked into a scratch root, the packaged programs run with the packaged library. `hearth`
# links its own copy of the core unless built with HEARTH_STATIC_PROGRAM=OFF; a program that
# loads libhearth-core must find the packaged one, and at least one program must load it.
set(root "${WORK_DIR}/root")
run_step("dpkg -x" dpkg -x "${debs}" "${root}")
set(hearth "${root}/usr/bin/hearth")
set(loaders 0)
foreach(program IN ITEMS "${hearth}" "${root}/usr/bin/hearth-gui")
  if(NOT EXISTS "${program}")
    continue()
  endif()
  get_filename_component(name "${program}" NAME)
  run_step("ldd ${name}" ldd "${program}" OUTPUT libraries)
  string(REGEX MATCH "libhearth-core[^\n]*" core_line "${libraries}")
  if(core_line STREQUAL "")
    continue()
  endif()
  if(NOT core_line MATCHES "${root}/")
    message(FATAL_ERROR "the packaged ${name} does not load the packaged library: ${core_line}")
  endif()
  math(EXPR loaders "${loaders} + 1")
endforeach()
if(loaders EQUAL 0 AND NOT EXISTS "${root}/usr/bin/hearth-gui")
  # No GUI in this build: the library's only user in the package is a program built against it.
  message(STATUS "no packaged program loads libhearth-core (hearth links its own copy)")
elseif(loaders EQUAL 0)
  message(FATAL_ERROR "neither hearth nor hearth-gui loads the packaged libhearth-core")
endif()
run_step("hearth --version" "${hearth}" --version OUTPUT version)
if(NOT version STREQUAL "hearth ${VERSION}")
  message(FATAL_ERROR "hearth --version printed '${version}', expected 'hearth ${VERSION}'")
endif()
run_step("hearth query on the packaged seed device" "${hearth}" query
         "${root}/usr/share/hearth/samples/devices/seed"
         -a android.intent.action.MAIN -c android.intent.category.HOME --components
         OUTPUT homes)
run_step("the same query from the build tree" "${BUILD_DIR}/core/hearth" query
         "${SOURCE_DIR}/samples/devices/seed"
         -a android.intent.action.MAIN -c android.intent.category.HOME --components
         OUTPUT expected_homes)
if(NOT homes STREQUAL expected_homes OR homes STREQUAL "")
  message(FATAL_ERROR "the packaged hearth answered\n${homes}\nthe build tree's\n${expected_homes}")
endif()
message(STATUS "deb package: ok")
