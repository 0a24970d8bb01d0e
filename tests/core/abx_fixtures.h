#pragma once
// A small ABX writer for tests (device-formats 2.5): enough to turn a hand-written document into
// the binary form Android 12+ writes, interning every tag and attribute name.

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace hearth::testing {

class AbxWriter {
  public:
    AbxWriter() { m_out = std::string("ABX\0", 4) + '\x10'; }

    AbxWriter& start(const std::string& tag) {
        m_out += '\x32';
        interned(tag);
        return *this;
    }
    AbxWriter& attr(const std::string& name, const std::string& value) {
        m_out += '\x2F';
        interned(name);
        utf(value);
        return *this;
    }
    AbxWriter& attrBool(const std::string& name, bool value) {
        m_out += value ? '\xCF' : '\xDF';
        interned(name);
        return *this;
    }
    AbxWriter& attrInt(const std::string& name, int32_t value, bool hex = false) {
        m_out += hex ? '\x7F' : '\x6F';
        interned(name);
        for (int shift : {24, 16, 8, 0}) m_out += static_cast<char>((uint32_t(value) >> shift) & 0xFF);
        return *this;
    }
    AbxWriter& end(const std::string& tag) {
        m_out += '\x33';
        interned(tag);
        return *this;
    }
    std::string finish() { return m_out + '\x11'; }

  private:
    void utf(const std::string& text) {
        m_out += static_cast<char>((text.size() >> 8) & 0xFF);
        m_out += static_cast<char>(text.size() & 0xFF);
        m_out += text;
    }
    void interned(const std::string& text) {
        auto it = m_table.find(text);
        if (it != m_table.end()) {
            m_out += static_cast<char>(it->second >> 8);
            m_out += static_cast<char>(it->second & 0xFF);
            return;
        }
        const int index = static_cast<int>(m_table.size());
        m_table.emplace(text, index);
        m_out += "\xFF\xFF";
        utf(text);
    }

    std::string m_out;
    std::map<std::string, int> m_table;
};

}  // namespace hearth::testing
