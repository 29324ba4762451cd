// SPDX-License-Identifier: GPL-3.0-or-later
// The Patient Global Impression of Change beside the infusion it follows
// (issue 18): asked at or before the follow-up, it is the patient's own
// verdict, shown next to the figures.

#include <fmt/format.h>

#include "painlog/analysis/response.hpp"

namespace painlog {

void add_pgic(std::vector<InfusionResponse>& responses, const std::vector<QuestionnaireResult>& results) {
    for (std::size_t i = 0; i < responses.size(); ++i) {
        auto& r = responses[i];
        std::optional<Instant> next;
        if (i + 1 < responses.size()) next = responses[i + 1].infusion.at;
        for (const auto& q : results) {
            if (q.instrument != Instrument::pgic || q.at <= r.infusion.at || (next && q.at >= *next)) continue;
            if (!r.pgic || q.at < r.pgic->at) r.pgic = q;
        }
    }
}

std::string pgic_text(const InfusionResponse& r) {
    if (!r.pgic) return "";
    return fmt::format("PGIC on {} (day {}): {}", format_day(r.pgic->day), days_between(r.infusion.day, r.pgic->day),
                       band_of(Instrument::pgic, r.pgic->score));
}

nlohmann::ordered_json pgic_json(const InfusionResponse& r) {
    if (!r.pgic) return nullptr;
    return {{"id", r.pgic->id},
            {"day", format_day(r.pgic->day)},
            {"days_after", days_between(r.infusion.day, r.pgic->day)},
            {"answer", band_of(Instrument::pgic, r.pgic->score)},
            {"score", r.pgic->score}};
}

}  // namespace painlog
