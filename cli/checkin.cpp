// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkin.hpp"
#include "prompt.hpp"

#include <cmath>
#include <istream>
#include <ostream>
#include <string>

#include <fmt/format.h>

#include "painlog/model/body.hpp"
#include "painlog/model/entry_format.hpp"
#include "painlog/model/infusion_check.hpp"
#include "painlog/util/error.hpp"
#include "painlog/util/parse.hpp"

namespace painlog::cli {
namespace {

std::string hint(const DailyValues* yesterday, Metric metric) {
    if (!yesterday || !yesterday->value(metric)) return "";
    return fmt::format(" [yesterday {:g}]", std::round(*yesterday->value(metric) * 10) / 10);
}

void ask_tags(std::istream& in, std::ostream& prompt, const std::string& question, TagKind kind, Entry& entry) {
    ask(in, prompt, question + " (comma-separated)", [&](const std::string& answer) {
        std::vector<Tag> tags = entry.tags;
        std::size_t start = 0;
        while (start <= answer.size()) {
            auto comma = answer.find(',', start);
            auto part = answer.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (part.find_first_not_of(' ') != std::string::npos) add_tag(tags, kind, normalize_tag(part, "tag"));
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
        entry.tags = std::move(tags);
    });
}

std::string spec_text(const DoseSpec& spec) {
    Dose dose;
    dose.medicine = spec.medicine;
    dose.amount = spec.amount;
    dose.as_needed = spec.as_needed;
    return dose_brief(dose);
}

// A number from the list of usual doses, or a dose as `med take` reads it.
DoseSpec dose_answer(const std::string& part, const std::vector<DoseSpec>& usual) {
    if (auto pick = parse_whole_number(trim(part))) {
        if (*pick >= 1 && static_cast<std::size_t>(*pick) <= usual.size()) return usual[*pick - 1];
        throw InputError(fmt::format("{}: expected a number from 1 to {} or a medicine, like \"oxycodone 5mg prn\"",
                                     trim(part), usual.size()));
    }
    return parse_dose_spec(part, "medicine");
}

void ask_doses(std::istream& in, std::ostream& prompt, const std::vector<DoseSpec>& usual,
               std::vector<DoseSpec>& doses) {
    if (!usual.empty()) {
        prompt << "Your usual medicines:\n";
        for (std::size_t i = 0; i < usual.size(); ++i) prompt << fmt::format("  {} {}\n", i + 1, spec_text(usual[i]));
    }
    auto question = usual.empty() ? std::string("Medicines taken (e.g. \"oxycodone 5mg prn\", comma-separated)")
                                  : std::string("Medicines taken (numbers above, or e.g. \"oxycodone 5mg prn\", "
                                                "comma-separated)");
    ask(in, prompt, question, [&](const std::string& answer) {
        std::vector<DoseSpec> given;
        std::size_t start = 0;
        while (start <= answer.size()) {
            auto comma = answer.find(',', start);
            auto part = answer.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (part.find_first_not_of(' ') != std::string::npos) given.push_back(dose_answer(part, usual));
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
        doses = std::move(given);
    });
}

// The clinic's side effects as numbered picks, three to a line.
void ask_side_effects_first(std::istream& in, std::ostream& prompt, Entry& entry) {
    prompt << "Since your infusion: side effects your clinic's pages name.\n";
    for (std::size_t i = 0; i < clinic_side_effects.size(); ++i) {
        bool last_in_line = i % 3 == 2 || i + 1 == clinic_side_effects.size();
        auto pick = fmt::format("{:>4} {}", i + 1, clinic_side_effects[i]);
        prompt << (last_in_line ? pick + "\n" : pad_right(pick, 31));
    }
    ask(in, prompt, "Side effects (numbers above or words, comma-separated)", [&](const std::string& answer) {
        std::vector<Tag> tags = entry.tags;
        std::size_t start = 0;
        while (start <= answer.size()) {
            auto comma = answer.find(',', start);
            // A view into the answer itself: a view of substr's temporary dangles.
            auto part = trim(std::string_view(answer).substr(start, comma == std::string::npos ? std::string::npos
                                                                                                : comma - start));
            if (auto pick = parse_whole_number(part)) {
                if (*pick < 1 || static_cast<std::size_t>(*pick) > clinic_side_effects.size())
                    throw InputError(fmt::format("{}: expected a number from 1 to {} or a side effect", part,
                                                 clinic_side_effects.size()));
                add_tag(tags, TagKind::side_effect, clinic_side_effects[*pick - 1]);
            } else if (!part.empty()) {
                add_tag(tags, TagKind::side_effect, part);
            }
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
        entry.tags = std::move(tags);
    });
}

// One question about the body: where it hurts, or how it feels.
struct BodyQuestion {
    std::string question;                        // "Where does it hurt"
    std::string examples;                        // "left-foot, lower-back"
    const std::vector<std::string>& picks;       // offered as 1..9
    const std::vector<std::string>& yesterday;   // "y": these again
    std::vector<std::string> (*parse)(std::string_view, std::string_view);
    void (*add)(std::vector<std::string>&, std::string_view);
};

// The numbered picks on one line: "  1 left-foot  2 right-foot  3 lower-back".
std::string picks_line(const std::vector<std::string>& picks) {
    std::string line;
    for (std::size_t i = 0; i < picks.size(); ++i) line += fmt::format("  {} {}", i + 1, picks[i]);
    return line + "\n";
}

// An answer: comma-separated parts, each a name (any spelling --where
// takes) or pick numbers ("1 3", "13": one digit each).
std::vector<std::string> body_answer(const std::string& answer, const BodyQuestion& q) {
    std::vector<std::string> names;
    std::size_t start = 0;
    while (start <= answer.size()) {
        auto comma = answer.find(',', start);
        auto part = std::string(trim(answer.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
        start = comma == std::string::npos ? answer.size() + 1 : comma + 1;
        if (part.empty()) continue;
        if (part.find_first_not_of("0123456789 ") != std::string::npos) {
            for (const auto& name : q.parse(part, "")) q.add(names, name);
            continue;
        }
        for (char c : part) {
            if (c == ' ') continue;
            auto pick = static_cast<std::size_t>(c - '0');
            if (pick < 1 || pick > q.picks.size())
                throw InputError(fmt::format("{}: expected {} or a name, like {}", part,
                                             q.picks.empty() ? std::string("no number")
                                                             : fmt::format("a number from 1 to {}", q.picks.size()),
                                             q.examples));
            q.add(names, q.picks[pick - 1]);
        }
    }
    return names;
}

// Asks `q`; returns true when the answer was "y" (yesterday's names).
bool ask_body(std::istream& in, std::ostream& prompt, const BodyQuestion& q, std::vector<std::string>& names,
              std::string_view y_also = "") {
    if (!q.picks.empty()) prompt << picks_line(q.picks);
    std::string question = q.question + " (" + (q.picks.empty() ? "e.g. " + q.examples : "numbers or names");
    if (!q.yesterday.empty())
        question += fmt::format("; y = as yesterday: {}{}", joined_names(q.yesterday, ", "), y_also);
    question += ")";
    bool same = false;
    ask(in, prompt, question, [&](const std::string& answer) {
        same = !q.yesterday.empty() && (trim(answer) == "y" || trim(answer) == "Y");
        names = same ? q.yesterday : body_answer(answer, q);
    });
    return same;
}

void ask_where_and_feels(std::istream& in, std::ostream& prompt, const CheckinSetup& setup, Entry& entry) {
    const auto& b = setup.body;
    bool where = setup.questions.test(static_cast<std::size_t>(CheckinQuestion::where));
    bool feels = setup.questions.test(static_cast<std::size_t>(CheckinQuestion::feels));
    if (where) {
        // "y" here is where and how together: one key when nothing changed.
        auto also = feels && !b.yesterday_qualities.empty()
                        ? fmt::format(", feeling {}", joined_names(b.yesterday_qualities, ", "))
                        : std::string();
        BodyQuestion q{"Where does it hurt", "left-foot, lower-back", b.regions, b.yesterday_regions, parse_regions,
                       add_region};
        if (ask_body(in, prompt, q, entry.regions, also) && feels) {
            entry.qualities = b.yesterday_qualities;
            return;
        }
    }
    if (feels)
        ask_body(in, prompt, {"How does it feel", "burning, aching", b.qualities, b.yesterday_qualities, parse_qualities,
                              add_quality},
                 entry.qualities);
}

}  // namespace

std::optional<CheckinAnswers> guided_checkin(std::istream& in, std::ostream& prompt, const CheckinSetup& setup) {
    CheckinAnswers answers;
    auto& entry = answers.entry;
    const auto* yesterday = setup.yesterday;
    auto asks = [&](CheckinQuestion q) { return setup.questions.test(static_cast<std::size_t>(q)); };
    prompt << "Check-in: press Enter to skip a question, Ctrl-D to cancel (painlog config set checkin-questions "
              "chooses the questions).\n";
    try {
        auto rating = [&](CheckinQuestion q, Rating r, Metric m) {
            if (!asks(q)) return;
            ask(in, prompt, fmt::format("{}{}", question_of(r), hint(yesterday, m)),
                [&](const std::string& answer) { entry.rating(r) = parse_rating(answer, name_of(r)); });
        };
        // After an infusion side effects come first: the clinic asks about them.
        if (setup.after_infusion) ask_side_effects_first(in, prompt, entry);
        rating(CheckinQuestion::pain, Rating::pain, Metric::pain);
        // Where and how it hurts follow the pain rating; no pain, no questions.
        if (entry.rating(Rating::pain) != 0) ask_where_and_feels(in, prompt, setup, entry);
        rating(CheckinQuestion::mood, Rating::mood, Metric::mood);
        rating(CheckinQuestion::energy, Rating::energy, Metric::energy);
        if (asks(CheckinQuestion::sleep))
            ask(in, prompt, "Hours slept last night (0-24, e.g. 7.5)" + hint(yesterday, Metric::sleep_hours),
                [&](const std::string& answer) { entry.sleep_hours = parse_sleep_hours(answer, "sleep"); });
        rating(CheckinQuestion::sleep_quality, Rating::sleep_quality, Metric::sleep_quality);
        rating(CheckinQuestion::activity, Rating::activity, Metric::activity);
        auto tags = [&](CheckinQuestion q, const std::string& question, TagKind kind) {
            if (asks(q)) ask_tags(in, prompt, question, kind, entry);
        };
        tags(CheckinQuestion::tag, "What did you do", TagKind::activity);
        tags(CheckinQuestion::better, "What eased the pain", TagKind::better);
        tags(CheckinQuestion::worse, "What made it worse", TagKind::worse);
        if (!setup.after_infusion) tags(CheckinQuestion::side_effect, "Side effects", TagKind::side_effect);
        if (asks(CheckinQuestion::med)) ask_doses(in, prompt, setup.usual, answers.doses);
        if (asks(CheckinQuestion::note))
            ask(in, prompt, "Note", [&](const std::string& answer) { entry.note = validate_note(answer, "note"); });
    } catch (const Cancelled&) {
        prompt << '\n';
        return std::nullopt;
    }
    return answers;
}

}  // namespace painlog::cli
