#pragma once
// Renderings of home answers: the `hearth home` text and JSON (docs/json.md), the stock-against-
// patched comparison, and the one-line summary the GUI's tables show. Every function is pure and
// deterministic; analyzeHome and compareHome (home.h) produce what they render.

#include <hearth/home.h>

#include <string>

namespace hearth {

/// A readable report of every call site: a summary table then the details of each site.
std::string renderHomeText(const HomeReport& report);
/// The JSON report (docs/json.md): {"schemaVersion","device":{"name","api"},
/// "framework":{"api","generation","patch","sites":{site:category}},"sites":[...]}.
std::string renderHomeJson(const HomeReport& report);
/// Stock and patched side by side: a two-column table then the details of both.
std::string renderHomeCompareText(const HomeReport& stock, const HomeReport& patched);
/// {"schemaVersion","device":{"name","api"},"stock":{...},"patched":{...}}.
std::string renderHomeCompareJson(const HomeReport& stock, const HomeReport& patched);

/// One line for a site's outcome: "com.a/.Home", "chooser: a/.A, b/.B", "NO HOME (...)", ...
std::string summarizeHomeSite(const HomeSiteReport& site);

}  // namespace hearth
