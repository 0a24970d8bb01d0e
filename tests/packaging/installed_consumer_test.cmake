# ctest: install this build into a scratch prefix, then build and run samples/consumer (someone's
# own GoogleTest suite) against the *installed* Hearth, through find_package(Hearth) and through
# pkg-config, and check that the package keeps its private dependencies private.
# Run as: cmake -DBUILD_DIR=... -DSOURCE_DIR=... -DWORK_DIR=... -DCXX=... [-DLAUNCHER=...]
#         -DGENERATOR=... -P installed_consumer_test.cmake
cmake_minimum_required(VERSION 3.25)
include(${CMAKE_CURRENT_LIST_DIR}/packaging_test_support.cmake)

file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")
run_step("install into a scratch prefix" ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")

# find_package(Hearth) + Hearth::core.
set(consumer_args -S "${SOURCE_DIR}/samples/consumer" -B "${WORK_DIR}/consumer" -G "${GENERATOR}"
    "-DCMAKE_PREFIX_PATH=${prefix}" "-DCMAKE_CXX_COMPILER=${CXX}"
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF -DCMAKE_BUILD_TYPE=Release)
if(LAUNCHER)
  list(APPEND consumer_args "-DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER}")
endif()
run_step("configure the consumer against the install" ${CMAKE_COMMAND} ${consumer_args})
file(STRINGS "${WORK_DIR}/consumer/CMakeCache.txt" hearth_dir REGEX "^Hearth_DIR:")
if(NOT hearth_dir MATCHES "${prefix}/")
  message(FATAL_ERROR "find_package(Hearth) found '${hearth_dir}', not the scratch install ${prefix}")
endif()
run_step("build the consumer" ${CMAKE_COMMAND} --build "${WORK_DIR}/consumer")
run_step("run the consumer's tests" "${WORK_DIR}/consumer/deep_links_test")

# pkg-config: compile and run a one-file program with nothing but `pkg-config --cflags --libs`.
file(GLOB_RECURSE pc_file "${prefix}/*/hearth.pc")
get_filename_component(pc_dir "${pc_file}" DIRECTORY)
set(ENV{PKG_CONFIG_PATH} "${pc_dir}")
run_step("pkg-config finds hearth" pkg-config --cflags --libs hearth OUTPUT pc_flags)
run_step("pkg-config version" pkg-config --modversion hearth OUTPUT pc_version)
run_step("pkg-config libdir" pkg-config --variable=libdir hearth OUTPUT pc_libdir)
file(WRITE "${WORK_DIR}/pc_main.cpp" [=[
#include <hearth/package_index.h>
#include <hearth/version.h>
#include <iostream>
int main() {
    std::cout << hearth::kVersion << " " << hearth::resolverActivityComponent().flattenToShortString() << "\n";
}
]=])
separate_arguments(pc_flags UNIX_COMMAND "${pc_flags}")
run_step("compile with pkg-config's flags" ${CXX} -std=c++20 "${WORK_DIR}/pc_main.cpp" ${pc_flags}
         "-Wl,-rpath,${pc_libdir}" -o "${WORK_DIR}/pc_main")
run_step("run the pkg-config program" "${WORK_DIR}/pc_main" OUTPUT pc_out)
if(NOT pc_out MATCHES "^${pc_version} android/com.android.internal.app.ResolverActivity")
  message(FATAL_ERROR "the pkg-config program printed '${pc_out}' (pkg-config says ${pc_version})")
endif()

# Private dependencies stay private: no public header includes them, the exported target names
# none of them, and the shared library exports only hearth:: symbols.
set(private_names "pugixml|pugi::|nlohmann|simdjson|zip\\.h|zlib\\.h")
file(GLOB_RECURSE headers "${prefix}/include/hearth/*.h")
foreach(header IN LISTS headers)
  file(STRINGS "${header}" leaked REGEX "#include.*(${private_names})")
  if(leaked)
    message(FATAL_ERROR "${header} includes a private dependency: ${leaked}")
  endif()
endforeach()
file(GLOB targets_files "${prefix}/*/cmake/Hearth/HearthTargets.cmake" "${prefix}/*/*/cmake/Hearth/HearthTargets.cmake")
file(STRINGS "${targets_files}" leaked REGEX "INTERFACE_.*(${private_names}|warnings|fsanitize)")
if(leaked)
  message(FATAL_ERROR "HearthTargets.cmake exposes a private dependency or build flag: ${leaked}")
endif()
file(GLOB_RECURSE shared_libs "${prefix}/*/libhearth-core.so.*.*.*")
foreach(lib IN LISTS shared_libs)
  run_step("list the library's symbols" nm -D -C --defined-only "${lib}" OUTPUT symbols)
  string(REPLACE "\n" ";" symbols "${symbols}")
  list(FILTER symbols EXCLUDE REGEX "hearth::|^$")
  if(symbols)
    list(SUBLIST symbols 0 5 some)
    message(FATAL_ERROR "${lib} exports symbols outside hearth::, e.g. ${some}")
  endif()
endforeach()
# Every command of the installed hearth has its man page and is in both completion scripts.
run_step("installed hearth --help" "${prefix}/bin/hearth" --help OUTPUT top_help)
string(REGEX MATCH "Subcommands:\n(  [^\n]*\n)+" command_lines "${top_help}\n")
string(REGEX MATCHALL "\n  [a-z][a-z-]*" commands "${command_lines}")
list(LENGTH commands command_count)
if(command_count LESS 5)
  message(FATAL_ERROR "could not read the commands from hearth --help:\n${top_help}")
endif()
file(READ "${prefix}/share/bash-completion/completions/hearth" bash_completion)
file(READ "${prefix}/share/zsh/vendor-completions/_hearth" zsh_completion)
foreach(command IN LISTS commands)
  string(STRIP "${command}" command)
  if(NOT EXISTS "${prefix}/share/man/man1/hearth-${command}.1")
    message(FATAL_ERROR "no installed man page for 'hearth ${command}'")
  endif()
  if(NOT bash_completion MATCHES "[ ']${command}[ ']" OR NOT zsh_completion MATCHES "'${command}:")
    message(FATAL_ERROR "the installed completion does not offer '${command}'")
  endif()
endforeach()
if(EXISTS "${BUILD_DIR}/gui/hearth-gui")
  foreach(file bin/hearth-gui share/applications/hearth-gui.desktop
               share/icons/hicolor/scalable/apps/hearth.svg share/icons/hicolor/256x256/apps/hearth.png)
    if(NOT EXISTS "${prefix}/${file}")
      message(FATAL_ERROR "hearth-gui's ${file} is not installed")
    endif()
  endforeach()
endif()
message(STATUS "installed consumer: ok")
