#pragma once
// Private to the core: resolve's --json answer as a JSON value (renderResolveJson prints it), so
// start's answer extends it in place instead of printing it and reading it back — once per line
// of a --batch start.

#include <hearth/resolve_report.h>

#include <nlohmann/json.hpp>
#include <vector>

namespace hearth {

nlohmann::ordered_json resolveAnswerJson(const ResolveResult& result,
                                         const std::vector<Rejection>* rejections,
                                         const AnswerContext& context);

}  // namespace hearth
