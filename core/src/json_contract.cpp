#include "json_contract.h"

#include "text.h"

namespace hearth::json_contract {

using Json = nlohmann::ordered_json;

namespace {

Json orNull(const std::optional<std::string>& value) { return value ? Json(*value) : Json(nullptr); }

}  // namespace

Json deviceJson(const std::string& name, int apiLevel) {
    return {{"name", name}, {"api", apiLevel}};
}

Json deviceJson(const Device& device) { return deviceJson(device.name, device.apiLevel); }

Json intentJson(const Intent& intent) {
    Json out;
    out["action"] = orNull(intent.action);
    out["categories"] = intent.categories;
    out["data"] = intent.data ? Json(intent.data->toString()) : Json(nullptr);
    out["type"] = orNull(intent.type);
    out["component"] =
        intent.component ? Json(intent.component->flattenToShortString()) : Json(nullptr);
    out["package"] = orNull(intent.package);
    out["flags"] = text::hex(intent.flags);
    out["selector"] = intent.selector ? intentJson(*intent.selector) : Json(nullptr);
    return out;
}

Json locationJson(const SourceLocation& where) {
    return {{"file", where.file}, {"line", where.line}, {"column", where.column}};
}

Json answerHeader(const std::string& deviceName, int apiLevel) {
    Json out;
    out["schemaVersion"] = kSchemaVersion;
    out["device"] = deviceJson(deviceName, apiLevel);
    return out;
}

Json answerHeader(const Device& device, const Intent* intent) {
    Json out = answerHeader(device.name, device.apiLevel);
    if (intent) out["intent"] = intentJson(*intent);
    return out;
}

}  // namespace hearth::json_contract
