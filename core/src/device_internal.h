#pragma once
// Private helpers shared by device.cpp and device_json.cpp.

#include <hearth/result.h>

#include <cstddef>
#include <filesystem>
#include <string>

namespace hearth::detail {

/// The text with its first letter lower-cased (system messages start upper-case; ours do not).
std::string lowerFirst(std::string text);

/// The whole file; fails with "cannot read 'path': reason" (missing, a directory, over maxBytes).
[[nodiscard]] Result<std::string> readTextFile(const std::filesystem::path& path, size_t maxBytes);

}  // namespace hearth::detail
