#pragma once
// The version of Hearth these headers belong to. The one place it is written: the top-level
// CMakeLists.txt reads it from here for project(), the package config and the .deb.

namespace hearth {

/// The Hearth version as "MAJOR.MINOR.PATCH" (`hearth --version`).
inline constexpr const char* kVersion = "0.1.0";

}  // namespace hearth
