#pragma once
// `hearth filter-match` without its command line: the loop over a stream of conformance cases,
// for callers that must not build the whole CLI (the fuzz target, tests/fuzz/fuzz_filter_cases).

#include <iosfwd>
#include <string>

namespace hearth::cli {

/// `hearth filter-match` over an open stream of cases: one answer line per case on `out`, bad
/// lines reported on `err` located at sourceName:line:column. Returns kExitOk, or kExitBadInput if
/// a line was bad (cli.h).
int runFilterMatch(std::istream& cases, const std::string& sourceName, std::ostream& out,
                   std::ostream& err);

}  // namespace hearth::cli
