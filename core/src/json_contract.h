#pragma once
// The fields every --json answer shares (docs/json.md): one schema version, the device as
// {"name","api"}, the intent as parsed, a source location as {"file","line","column"}. One home,
// so query, resolve, start, home, claims and diff cannot drift apart.

#include <nlohmann/json.hpp>

#include <hearth/device.h>
#include <hearth/intent.h>
#include <hearth/source_location.h>

namespace hearth::json_contract {

/// Raised when a field changes meaning or disappears; new fields do not raise it.
inline constexpr int kSchemaVersion = 1;

/// {"name","api"}.
nlohmann::ordered_json deviceJson(const Device& device);
nlohmann::ordered_json deviceJson(const std::string& name, int apiLevel);

/// The intent as parsed, in the conformance cases' words (action, categories, data, type) plus
/// component, package, flags (hex) and a selector (the same object); absent parts are null.
nlohmann::ordered_json intentJson(const Intent& intent);

/// {"file","line","column"}.
nlohmann::ordered_json locationJson(const SourceLocation& where);

/// Starts an answer: {"schemaVersion", "device"[, "intent"]}.
nlohmann::ordered_json answerHeader(const Device& device, const Intent* intent);
nlohmann::ordered_json answerHeader(const std::string& deviceName, int apiLevel);

}  // namespace hearth::json_contract
