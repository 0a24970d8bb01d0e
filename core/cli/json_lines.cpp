#include "json_lines.h"

#include <istream>
#include <memory>

namespace hearth::cli {

bool readBoundedLine(std::istream& in, std::string& line, bool& tooLong, std::size_t maxBytes) {
    line.clear();
    // istream::getline scans the stream's own buffer for the '\n' (a byte at a time through
    // sbumpc was a fifth of `hearth filter-match`). Its buffer is allocated once and never
    // zeroed, so only the pages a line reaches are ever touched.
    thread_local std::unique_ptr<char[]> buffer;
    thread_local std::size_t capacity = 0;
    if (capacity < maxBytes + 1) {
        buffer = std::make_unique_for_overwrite<char[]>(maxBytes + 1);
        capacity = maxBytes + 1;
    }
    in.getline(buffer.get(), static_cast<std::streamsize>(maxBytes + 1));
    const auto read = static_cast<std::size_t>(in.gcount());
    if (in.eof()) {
        // The last line, without a '\n' (or nothing at all).
        in.clear(in.rdstate() & ~std::ios::failbit);
        line.assign(buffer.get(), read);
        return read > 0;
    }
    if (in.fail()) {
        // maxBytes were read and the line goes on. A read error (badbit) is the caller's to see.
        if (!in.bad()) tooLong = true;
        return false;
    }
    line.assign(buffer.get(), read - 1);  // without the '\n' getline counted
    return true;
}

std::string compactJson(std::string_view json) {
    std::string out;
    out.reserve(json.size());
    bool inString = false;
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < json.size()) {
                out += json[++i];
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
            out += c;
        } else if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
            out += c;
        }
    }
    return out;
}

}  // namespace hearth::cli
