#include "painlog/entry.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "painlog/error.hpp"
#include "painlog/parse.hpp"

namespace painlog {
namespace {

constexpr std::array tag_kind_names{"activity", "better", "worse", "side-effect", "medication"};
constexpr std::array rating_names{"pain", "mood", "energy", "sleep_quality", "activity"};
constexpr std::size_t max_tag_bytes = 64;
constexpr std::size_t max_note_bytes = 4000;

bool is_control(unsigned char c) { return c < 0x20 || c == 0x7f; }

bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
        i += len;
    }
    return true;
}

}  // namespace

std::string_view name_of(TagKind kind) { return tag_kind_names[static_cast<std::size_t>(kind)]; }

std::optional<TagKind> tag_kind_named(std::string_view name) {
    for (auto kind : all_tag_kinds)
        if (name_of(kind) == name) return kind;
    return std::nullopt;
}

std::string_view name_of(Rating rating) { return rating_names[static_cast<std::size_t>(rating)]; }

std::string_view question_of(Rating rating) {
    switch (rating) {
        case Rating::pain: return "Pain (0 none, 10 worst imaginable)";
        case Rating::mood: return "Mood (0 worst, 10 best)";
        case Rating::energy: return "Energy (0 none, 10 full)";
        case Rating::sleep_quality: return "Quality of last night's sleep (0 worst, 10 best)";
        case Rating::activity: return "Activity you could do (0 none, 10 your usual best)";
    }
    return "";
}

bool Entry::has_values() const {
    return std::ranges::any_of(ratings, [](const auto& r) { return r.has_value(); }) || sleep_hours ||
           !note.empty() || !tags.empty();
}

int parse_rating(std::string_view text, std::string_view option) {
    auto value = parse_whole_number(text);
    if (!value || *value < 0 || *value > 10)
        throw InputError(fmt::format("{} {}: expected a whole number from 0 to 10", option, text));
    return *value;
}

double parse_sleep_hours(std::string_view text, std::string_view option) {
    auto bad = [&] {
        return InputError(fmt::format("{} {}: expected hours from 0 to 24 with at most one decimal, like 7.5",
                                      option, text));
    };
    auto dot = text.find('.');
    auto whole = text.substr(0, dot);
    auto fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    int hours = -1, tenths = 0;
    auto [end, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), hours);
    if (whole.empty() || ec != std::errc{} || end != whole.data() + whole.size()) throw bad();
    if (dot != std::string_view::npos) {
        if (fraction.size() != 1 || fraction[0] < '0' || fraction[0] > '9') throw bad();
        tenths = fraction[0] - '0';
    }
    int total = hours * 10 + tenths;
    if (hours < 0 || total > 240) throw bad();
    return total / 10.0;
}

std::string normalize_tag(std::string_view text, std::string_view option) {
    auto tag = ascii_lower(trim(text));
    bool bad = tag.empty() || tag.size() > max_tag_bytes || !valid_utf8(tag) ||
               std::ranges::any_of(tag, [](char c) { return is_control(static_cast<unsigned char>(c)); });
    if (bad)
        throw InputError(fmt::format("{} '{}': expected a tag of 1 to {} characters without control characters",
                                     option, text, max_tag_bytes));
    return tag;
}

std::string validate_note(std::string_view text, std::string_view option) {
    bool bad_char = std::ranges::any_of(text, [](char c) {
        auto u = static_cast<unsigned char>(c);
        return is_control(u) && c != '\n' && c != '\t';
    });
    if (text.size() > max_note_bytes || bad_char || !valid_utf8(text))
        throw InputError(fmt::format("{}: expected UTF-8 text of at most {} bytes without control characters "
                                     "(got {} bytes)",
                                     option, max_note_bytes, text.size()));
    return std::string(text);
}

void add_tag(std::vector<Tag>& tags, TagKind kind, std::string_view name) {
    // The name is copied only when it is new: summaries add each day's tags
    // once per entry that carries them.
    auto key = [](const Tag& t) { return std::pair<TagKind, std::string_view>(t.kind, t.name); };
    auto wanted = std::pair(kind, name);
    auto pos = std::ranges::lower_bound(tags, wanted, {}, key);
    if (pos == tags.end() || key(*pos) != wanted) tags.insert(pos, Tag{kind, std::string(name)});
}

}  // namespace painlog
