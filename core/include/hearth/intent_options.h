#pragma once
// The vocabulary of am/pm INTENT arguments, for shell completion and documentation (parsing
// itself is parseIntentArgs in intent.h).

#include <string>
#include <vector>

namespace hearth {

/// Every option parseIntentArgs accepts ("-a", "--ez", "--activity-clear-top", ...), sorted; the
/// shell completion and the man pages are generated from it.
std::vector<std::string> intentOptionNames();

}  // namespace hearth
