// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "painlog/util/csv.hpp"
#include "painlog/util/csv_reader.hpp"
#include "painlog/util/parse.hpp"

namespace painlog::test_csv_reader {

TEST_CASE("read_csv splits plain records on commas and CRLF or LF") {
    auto t = read_csv("a,b,c\r\n1,,3\n");
    REQUIRE_FALSE(t.problem);
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].fields == std::vector<std::string>{"a", "b", "c"});
    CHECK(t.rows[1].fields == std::vector<std::string>{"1", "", "3"});
    CHECK(t.rows[0].line == 1);
    CHECK(t.rows[1].line == 2);
}

TEST_CASE("read_csv reads quoted fields holding commas, doubled quotes and line breaks") {
    auto t = read_csv("note,x\r\n\"He said \"\"hi\"\", then\r\nleft\",2\r\n\"\",3\r\nlast,4");
    REQUIRE_FALSE(t.problem);
    REQUIRE(t.rows.size() == 4);
    CHECK(t.rows[1].fields[0] == "He said \"hi\", then\r\nleft");
    CHECK(t.rows[1].fields[1] == "2");
    // The record after a two-line field starts on line 4.
    CHECK(t.rows[2].line == 4);
    CHECK(t.rows[2].fields[0].empty());
    CHECK(t.rows[3].line == 5);
    CHECK(t.rows[3].fields == std::vector<std::string>{"last", "4"});
}

TEST_CASE("read_csv skips a byte order mark and empty lines, and keeps trailing empty fields") {
    auto t = read_csv("\xEF\xBB\xBFh1,h2\n\n1,\n\r\n");
    REQUIRE_FALSE(t.problem);
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].fields[0] == "h1");
    CHECK(t.rows[1].line == 3);
    CHECK(t.rows[1].fields == std::vector<std::string>{"1", ""});
}

TEST_CASE("read_csv reads back what csv_record writes, emoji and formula guards included") {
    std::vector<std::string> fields{"plain", "a,b", "quote \"q\"", "two\nlines", "😀 emoji", "=1+2", "", "\ttab"};
    auto t = read_csv(csv_record(fields) + csv_record(fields));
    REQUIRE_FALSE(t.problem);
    REQUIRE(t.rows.size() == 2);
    std::vector<std::string> back;
    for (const auto& f : t.rows[1].fields) back.push_back(unprotect_csv_field(f));
    CHECK(back == fields);
    CHECK(t.rows[1].line == 3);
}

TEST_CASE("read_csv reports bad quoting with the line of the problem") {
    SUBCASE("unterminated quote: the line where the field starts") {
        auto t = read_csv("a,b\n1,\"never closed\n2,3\n");
        REQUIRE(t.problem);
        CHECK(t.problem->line == 2);
        CHECK(t.problem->message.find("unterminated quoted field") != std::string::npos);
        CHECK(t.rows.size() == 1);
    }
    SUBCASE("text after a closing quote") {
        auto t = read_csv("a\n\"x\"y\n");
        REQUIRE(t.problem);
        CHECK(t.problem->line == 2);
        CHECK(t.problem->message.find("after a closing quote") != std::string::npos);
    }
    SUBCASE("a quote inside an unquoted field") {
        auto t = read_csv("a\nx\"y\n");
        REQUIRE(t.problem);
        CHECK(t.problem->line == 2);
        CHECK(t.problem->message.find("quote inside an unquoted field") != std::string::npos);
    }
    SUBCASE("a lone carriage return") {
        auto t = read_csv("a\rb\n");
        REQUIRE(t.problem);
        CHECK(t.problem->line == 1);
    }
}

TEST_CASE("read_csv refuses binary: NUL, control characters and invalid UTF-8") {
    using namespace std::string_literals;
    auto nul = read_csv("a,b\n1,2\n3\0,4\n"s);
    REQUIRE(nul.problem);
    CHECK(nul.problem->line == 3);
    CHECK(nul.problem->message.find("NUL") != std::string::npos);
    auto control = read_csv("a\x01\n");
    REQUIRE(control.problem);
    CHECK(control.problem->message.find("control character 0x01") != std::string::npos);
    auto latin1 = read_csv("a\ncaf\xe9\n");
    REQUIRE(latin1.problem);
    CHECK(latin1.problem->line == 2);
    CHECK(latin1.problem->message.find("UTF-8") != std::string::npos);
    CHECK(read_csv("").rows.empty());
    CHECK_FALSE(read_csv("").problem);
}

TEST_CASE("is_valid_utf8 rejects overlong forms, surrogates and truncated sequences") {
    CHECK(is_valid_utf8("caf\xc3\xa9 \xf0\x9f\x98\x80"));
    CHECK_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));      // U+D800
    CHECK_FALSE(is_valid_utf8("\xf0\x9f\x98"));      // cut short
    CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // above U+10FFFF
}

TEST_CASE("CsvReader reads records across its buffer's edges as read_csv reads the whole text") {
    // Far more than one 64 KiB buffer: quoted fields with line breaks and
    // four-byte characters land on every possible edge.
    std::string text = "n,note\r\n";
    std::vector<std::string> notes;
    for (int i = 0; i < 4000; ++i) {
        notes.push_back(std::string(static_cast<std::size_t>(i % 7), 'x') + "😀, \"q\"\n" + std::to_string(i));
        text += std::to_string(i) + "," + csv_field(notes.back()) + "\r\n";
    }
    std::istringstream in(text);
    CsvReader reader(in);
    auto header = reader.next();
    REQUIRE(header);
    CHECK(header->fields == std::vector<std::string>{"n", "note"});
    std::size_t count = 0, line = 2;
    while (auto row = reader.next()) {
        REQUIRE(row->fields.size() == 2);
        CHECK(row->fields[1] == notes[count]);
        CHECK(row->line == line);
        line += 2;
        ++count;
    }
    CHECK(count == notes.size());
    CHECK_FALSE(reader.problem());
}

TEST_CASE("CsvReader: binary anywhere outranks an earlier quoting problem; lines count across buffers") {
    using namespace std::string_literals;
    std::string lines;
    for (int i = 0; i < 20000; ++i) lines += "abcdefgh\n";
    auto quoting = read_csv("a\nx\"y\n" + lines + "z\0\n"s);
    REQUIRE(quoting.problem);
    CHECK(quoting.problem->line == 20003);
    CHECK(quoting.problem->message.find("NUL") != std::string::npos);
    auto cut = read_csv("a\n" + lines + "caf\xc3");  // a character cut off by the end of the file
    REQUIRE(cut.problem);
    CHECK(cut.problem->line == 20002);
    CHECK(cut.problem->message.find("UTF-8") != std::string::npos);
    auto late = read_csv("a\n" + lines + "\"open");
    REQUIRE(late.problem);
    CHECK(late.problem->line == 20002);
    CHECK(late.rows.size() == 20001);
}

}  // namespace painlog::test_csv_reader
