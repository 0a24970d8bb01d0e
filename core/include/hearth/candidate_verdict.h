#pragma once
// What one step after gathering (W-3: domain filtering W-1..W-4, the caller rules V-/S-) decided
// for one candidate of an activity query. The decision and --explain read the same verdicts.

#include <hearth/component_name.h>

#include <string>

namespace hearth {

/// One candidate's fate in a post-query step: kept or removed, the rule and one sentence.
struct CandidateVerdict {
    ComponentName component;
    bool kept = false;
    std::string rule;    ///< W-2, W-13, W-14, W-25, W-26, W-28, V-10, S-4, ...
    std::string reason;  ///< one sentence, e.g. "not approved for 'blog.example.com': ..."
};

}  // namespace hearth
