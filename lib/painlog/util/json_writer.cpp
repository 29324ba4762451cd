// SPDX-License-Identifier: GPL-3.0-or-later
// JsonObjectWriter's members and write_indented, which they and the list
// writers share: every streamed JSON of painlog is laid out here, so that
// streaming and nlohmann's dump(2) never differ by a byte.

#include "painlog/util/json_writer.hpp"

#include <string>

namespace painlog {

void write_indented(std::ostream& out, const nlohmann::ordered_json& value, std::size_t indent) {
    auto text = value.dump(2);
    std::string margin = "\n" + std::string(indent, ' ');
    std::size_t start = 0;
    for (auto end = text.find('\n'); end != std::string::npos; start = end + 1, end = text.find('\n', start))
        out.write(text.data() + start, static_cast<std::streamsize>(end - start)) << margin;
    out.write(text.data() + start, static_cast<std::streamsize>(text.size() - start));
}

void JsonObjectWriter::key(std::string_view key) {
    out_ << (members_++ == 0 ? "{\n  " : ",\n  ") << nlohmann::ordered_json(key).dump() << ": ";
}

void JsonObjectWriter::member(std::string_view key, const nlohmann::ordered_json& value) {
    this->key(key);
    write_indented(out_, value, 2);
}

void JsonObjectWriter::begin_array(std::string_view key) {
    this->key(key);
    elements_ = 0;
}

void JsonObjectWriter::element(const nlohmann::ordered_json& value) {
    out_ << (elements_++ == 0 ? "[\n    " : ",\n    ");
    write_indented(out_, value, 4);
}

void JsonObjectWriter::end_array() { out_ << (elements_ == 0 ? "[]" : "\n  ]"); }

void JsonObjectWriter::end() { out_ << (members_ == 0 ? "{}" : "\n}") << '\n'; }

}  // namespace painlog
