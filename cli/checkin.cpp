// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkin.hpp"
#include "prompt.hpp"

#include <cmath>
#include <istream>
#include <ostream>
#include <string>

#include <fmt/format.h>

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
            auto part = trim(answer.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
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

}  // namespace

std::optional<CheckinAnswers> guided_checkin(std::istream& in, std::ostream& prompt, const DailyValues* yesterday,
                                             const std::vector<DoseSpec>& usual, bool after_infusion) {
    CheckinAnswers answers;
    auto& entry = answers.entry;
    prompt << "Check-in: press Enter to skip a question, Ctrl-D to cancel.\n";
    try {
        if (after_infusion) ask_side_effects_first(in, prompt, entry);
        auto rating = [&](Rating r, Metric m) {
            ask(in, prompt, fmt::format("{}{}", question_of(r), hint(yesterday, m)),
                [&](const std::string& answer) { entry.rating(r) = parse_rating(answer, name_of(r)); });
        };
        rating(Rating::pain, Metric::pain);
        rating(Rating::mood, Metric::mood);
        rating(Rating::energy, Metric::energy);
        ask(in, prompt, "Hours slept last night (0-24, e.g. 7.5)" + hint(yesterday, Metric::sleep_hours),
            [&](const std::string& answer) { entry.sleep_hours = parse_sleep_hours(answer, "sleep"); });
        rating(Rating::sleep_quality, Metric::sleep_quality);
        rating(Rating::activity, Metric::activity);
        ask_tags(in, prompt, "What did you do", TagKind::activity, entry);
        ask_tags(in, prompt, "What eased the pain", TagKind::better, entry);
        ask_tags(in, prompt, "What made it worse", TagKind::worse, entry);
        if (!after_infusion) ask_tags(in, prompt, "Side effects", TagKind::side_effect, entry);
        ask_doses(in, prompt, usual, answers.doses);
        ask(in, prompt, "Note", [&](const std::string& answer) { entry.note = validate_note(answer, "note"); });
    } catch (const Cancelled&) {
        prompt << '\n';
        return std::nullopt;
    }
    return answers;
}

}  // namespace painlog::cli
