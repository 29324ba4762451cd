// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// JSON written to a stream piece by piece, with the bytes nlohmann's dump(2)
// would give for the whole document, so that a document of any size is
// written holding one element. It knows nothing of diaries: painlog's JSON
// export and the FHIR Bundle both write through it.

#include <cstddef>
#include <ostream>
#include <string_view>

#include <nlohmann/json.hpp>

namespace painlog {

// `value` dumped with indent 2, its lines after the first shifted right by
// `indent` to sit at that depth of the enclosing document. Line feeds inside
// strings are escaped, so every raw one is a line break of the layout.
void write_indented(std::ostream& out, const nlohmann::ordered_json& value, std::size_t indent);

// Writes one JSON object member by member, array elements one at a time,
// with exactly the bytes that nlohmann's dump(2) of the whole object gives.
class JsonObjectWriter {
public:
    explicit JsonObjectWriter(std::ostream& out) : out_(out) {}
    void member(std::string_view key, const nlohmann::ordered_json& value);
    void begin_array(std::string_view key);
    void element(const nlohmann::ordered_json& value);
    void end_array();
    // Closes the object and ends the line.
    void end();

private:
    void key(std::string_view key);
    std::ostream& out_;
    std::size_t members_ = 0;
    std::size_t elements_ = 0;
};

}  // namespace painlog
