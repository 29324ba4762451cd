#include <doctest/doctest.h>

#include <string>

#include "painlog/csv.hpp"
#include "painlog/csv_reader.hpp"

using namespace painlog;

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
