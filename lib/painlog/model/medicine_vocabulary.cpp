// SPDX-License-Identifier: GPL-3.0-or-later
// The medicine vocabulary painlog ships (painlog-med(1) lists it). Sources:
//  - generic names and ATC codes: WHO Collaborating Centre for Drug
//    Statistics Methodology, ATC/DDD Index (https://atcddd.fhi.no/atc_ddd_index/),
//    2024 edition; gabapentin and pregabalin are under N02BF (gabapentinoids)
//    since the 2023 edition, no longer under N03AX;
//  - brand names: the BNF and the NHS medicines A-Z (UK), DailyMed (US);
//    a brand sold for different medicines on the two sides of the Atlantic
//    (Benadryl) is left out rather than guessed;
//  - classes: the clinic's list of medicines to check before a ketamine
//    infusion (those that can make you drowsy, such as some sleeping tablets
//    and antihistamines; certain antidepressants; certain anti-seizure
//    medicines, gabapentinoids included; opioids for pain or cough;
//    theophylline);
//  - MME factors: CDC Clinical Practice Guideline for Prescribing Opioids for
//    Pain, Dowell et al., MMWR Recomm Rep 2022;71(3):1-95, Table 1. Only the
//    opioids of that table have one; buprenorphine is deliberately not in it,
//    and dihydrocodeine, pethidine, pholcodine and combinations are not
//    converted rather than given a factor from an older table.

#include "painlog/model/medicine.hpp"

namespace painlog {
namespace {

using enum MedicineClass;

constexpr std::array<std::string_view, 2> aminophylline_names{"phyllocontin", "phyllocontin continus"};
constexpr std::array<std::string_view, 1> amitriptyline_names{"elavil"};
constexpr std::array<std::string_view, 2> aspirin_names{"acetylsalicylic acid", "disprin"};
constexpr std::array<std::string_view, 2> baclofen_names{"lioresal", "lyflex"};
constexpr std::array<std::string_view, 8> buprenorphine_names{"butrans", "transtec", "temgesic", "subutex", "butec", "reletrans", "hapoctasin", "espranor"};
constexpr std::array<std::string_view, 2> bupropion_names{"wellbutrin", "zyban"};
constexpr std::array<std::string_view, 3> capsaicin_names{"qutenza", "zacin", "axsain"};
constexpr std::array<std::string_view, 2> carbamazepine_names{"tegretol", "carbagen"};
constexpr std::array<std::string_view, 1> celecoxib_names{"celebrex"};
constexpr std::array<std::string_view, 4> chlorphenamine_names{"chlorpheniramine", "piriton", "chlor-trimeton", "allerief"};
constexpr std::array<std::string_view, 2> citalopram_names{"cipramil", "celexa"};
constexpr std::array<std::string_view, 2> clonazepam_names{"rivotril", "klonopin"};
constexpr std::array<std::string_view, 7> co_codamol_names{"cocodamol", "codeine and paracetamol", "kapake", "solpadol", "zapain", "tylex", "codipar"};
constexpr std::array<std::string_view, 2> codeine_names{"codeine phosphate", "codeine linctus"};
constexpr std::array<std::string_view, 1> cyclizine_names{"valoid"};
constexpr std::array<std::string_view, 3> diazepam_names{"valium", "diazemuls", "stesolid"};
constexpr std::array<std::string_view, 4> diclofenac_names{"voltarol", "voltaren", "cataflam", "diclomax"};
constexpr std::array<std::string_view, 3> dihydrocodeine_names{"df118", "df 118", "dhc continus"};
constexpr std::array<std::string_view, 1> diphenhydramine_names{"nytol"};
constexpr std::array<std::string_view, 2> dosulepin_names{"dothiepin", "prothiaden"};
constexpr std::array<std::string_view, 3> duloxetine_names{"cymbalta", "yentreve", "drizalma"};
constexpr std::array<std::string_view, 2> escitalopram_names{"cipralex", "lexapro"};
constexpr std::array<std::string_view, 1> esketamine_names{"spravato"};
constexpr std::array<std::string_view, 1> eszopiclone_names{"lunesta"};
constexpr std::array<std::string_view, 1> etoricoxib_names{"arcoxia"};
constexpr std::array<std::string_view, 9> fentanyl_names{"durogesic", "duragesic", "matrifen", "mezolar", "fencino", "abstral", "effentora", "instanyl", "pecfent"};
constexpr std::array<std::string_view, 3> fluoxetine_names{"prozac", "sarafem", "oxactin"};
constexpr std::array<std::string_view, 3> gabapentin_names{"neurontin", "gralise", "horizant"};
constexpr std::array<std::string_view, 2> hydrocodone_names{"hysingla", "zohydro"};
constexpr std::array<std::string_view, 3> hydromorphone_names{"palladone", "dilaudid", "exalgo"};
constexpr std::array<std::string_view, 3> hydroxyzine_names{"atarax", "ucerax", "vistaril"};
constexpr std::array<std::string_view, 4> ibuprofen_names{"nurofen", "brufen", "advil", "motrin"};
constexpr std::array<std::string_view, 1> imipramine_names{"tofranil"};
constexpr std::array<std::string_view, 1> ketamine_names{"ketalar"};
constexpr std::array<std::string_view, 1> lacosamide_names{"vimpat"};
constexpr std::array<std::string_view, 1> lamotrigine_names{"lamictal"};
constexpr std::array<std::string_view, 2> levetiracetam_names{"keppra", "desitrend"};
constexpr std::array<std::string_view, 4> lidocaine_names{"lignocaine", "versatis", "lidoderm", "ralvo"};
constexpr std::array<std::string_view, 1> lorazepam_names{"ativan"};
constexpr std::array<std::string_view, 2> melatonin_names{"circadin", "slenyto"};
constexpr std::array<std::string_view, 4> methadone_names{"physeptone", "dolophine", "methadose", "metharose"};
constexpr std::array<std::string_view, 2> mirtazapine_names{"zispin", "remeron"};
constexpr std::array<std::string_view, 8> morphine_names{"morphine sulfate", "morphine sulphate", "oramorph", "ms contin", "mst", "mst continus", "zomorph", "sevredol"};
constexpr std::array<std::string_view, 4> naproxen_names{"naprosyn", "aleve", "anaprox", "naprelan"};
constexpr std::array<std::string_view, 1> nefopam_names{"acupan"};
constexpr std::array<std::string_view, 1> nitrazepam_names{"mogadon"};
constexpr std::array<std::string_view, 3> nortriptyline_names{"pamelor", "allegron", "aventyl"};
constexpr std::array<std::string_view, 1> oxcarbazepine_names{"trileptal"};
constexpr std::array<std::string_view, 6> oxycodone_names{"oxycontin", "oxynorm", "roxicodone", "shortec", "longtec", "oxecta"};
constexpr std::array<std::string_view, 1> oxymorphone_names{"opana"};
constexpr std::array<std::string_view, 5> paracetamol_names{"acetaminophen", "apap", "tylenol", "panadol", "calpol"};
constexpr std::array<std::string_view, 2> paroxetine_names{"seroxat", "paxil"};
constexpr std::array<std::string_view, 2> pethidine_names{"meperidine", "demerol"};
constexpr std::array<std::string_view, 1> phenelzine_names{"nardil"};
constexpr std::array<std::string_view, 2> phenytoin_names{"epanutin", "dilantin"};
constexpr std::array<std::string_view, 3> pholcodine_names{"pholcodine linctus", "galenphol", "pavacol-d"};
constexpr std::array<std::string_view, 4> pregabalin_names{"lyrica", "alzain", "axalid", "lecaent"};
constexpr std::array<std::string_view, 2> promethazine_names{"phenergan", "sominex"};
constexpr std::array<std::string_view, 1> quetiapine_names{"seroquel"};
constexpr std::array<std::string_view, 2> sertraline_names{"lustral", "zoloft"};
constexpr std::array<std::string_view, 8> sodium_valproate_names{"valproate", "valproic acid", "epilim", "depakote", "depakine", "episenta", "dyzantil", "epival"};
constexpr std::array<std::string_view, 2> tapentadol_names{"palexia", "nucynta"};
constexpr std::array<std::string_view, 1> temazepam_names{"restoril"};
constexpr std::array<std::string_view, 6> theophylline_names{"uniphyllin", "uniphyllin continus", "nuelin", "slo-phyllin", "theo-24", "elixophyllin"};
constexpr std::array<std::string_view, 1> topiramate_names{"topamax"};
constexpr std::array<std::string_view, 7> tramadol_names{"zydol", "ultram", "tramal", "maxitram", "zamadol", "marol", "conzip"};
constexpr std::array<std::string_view, 1> tranylcypromine_names{"parnate"};
constexpr std::array<std::string_view, 2> trazodone_names{"molipaxin", "desyrel"};
constexpr std::array<std::string_view, 3> venlafaxine_names{"effexor", "vensir", "venlalic"};
constexpr std::array<std::string_view, 2> vortioxetine_names{"brintellix", "trintellix"};
constexpr std::array<std::string_view, 3> zolpidem_names{"stilnoct", "stilnox", "ambien"};
constexpr std::array<std::string_view, 2> zopiclone_names{"zimovane", "imovane"};

constexpr std::array theophylline_classes{theophylline};
constexpr std::array antidepressant_drowsy_classes{antidepressant, drowsy};
constexpr std::array drowsy_classes{drowsy};
constexpr std::array opioid_classes{opioid};
constexpr std::array antidepressant_classes{antidepressant};
constexpr std::array anti_seizure_classes{anti_seizure};
constexpr std::array anti_seizure_drowsy_classes{anti_seizure, drowsy};

const std::array vocabulary{
    MedicineInfo{"aminophylline", "R03DA05", aminophylline_names, theophylline_classes, Form::oral, std::nullopt},
    MedicineInfo{"amitriptyline", "N06AA09", amitriptyline_names, antidepressant_drowsy_classes, Form::oral, std::nullopt},
    MedicineInfo{"aspirin", "N02BA01", aspirin_names, {}, Form::oral, std::nullopt},
    MedicineInfo{"baclofen", "M03BX01", baclofen_names, drowsy_classes, Form::oral, std::nullopt},
    MedicineInfo{"buprenorphine", "N02AE01", buprenorphine_names, opioid_classes, Form::oral | Form::patch | Form::rate_patch, std::nullopt},
    MedicineInfo{"bupropion", "N06AX12", bupropion_names, antidepressant_classes, Form::oral, std::nullopt},
    MedicineInfo{"capsaicin", "M02AB01", capsaicin_names, {}, Form::patch | Form::topical, std::nullopt},
    MedicineInfo{"carbamazepine", "N03AF01", carbamazepine_names, anti_seizure_classes, Form::oral, std::nullopt},
    MedicineInfo{"celecoxib", "M01AH01", celecoxib_names, {}, Form::oral, std::nullopt},
    MedicineInfo{"chlorphenamine", "R06AB04", chlorphenamine_names, drowsy_classes, Form::oral, std::nullopt},
    MedicineInfo{"citalopram", "N06AB04", citalopram_names, antidepressant_classes, Form::oral, std::nullopt},
    MedicineInfo{"clonazepam", "N03AE01", clonazepam_names, anti_seizure_drowsy_classes, Form::oral, std::nullopt},
    MedicineInfo{"co-codamol", "N02AJ06", co_codamol_names, opioid_classes, Form::oral, std::nullopt},
    MedicineInfo{"codeine", "R05DA04", codeine_names, opioid_classes, Form::oral, 0.15},
    MedicineInfo{"cyclizine", "R06AE03", cyclizine_names, drowsy_classes, Form::oral, std::nullopt},
    MedicineInfo{"diazepam", "N05BA01", diazepam_names, drowsy_classes, Form::oral, std::nullopt},
    MedicineInfo{"diclofenac", "M01AB05", diclofenac_names, {}, Form::oral | Form::topical, std::nullopt},
    MedicineInfo{"dihydrocodeine", "N02AA08", dihydrocodeine_names, opioid_classes, Form::oral, std::nullopt},
    MedicineInfo{"diphenhydramine", "R06AA02", diphenhydramine_names, drowsy_classes, Form::oral, std::nullopt},
    MedicineInfo{"dosulepin", "N06AA16", dosulepin_names, antidepressant_drowsy_classes, Form::oral, std::nullopt},
    MedicineInfo{"duloxetine", "N06AX21", duloxetine_names, antidepressant_classes, Form::oral, std::nullopt},
    MedicineInfo{"escitalopram", "N06AB10", escitalopram_names, antidepressant_classes, Form::oral, std::nullopt},
    MedicineInfo{"esketamine", "N06AX27", esketamine_names, antidepressant_classes, Form::inhaled, std::nullopt},
    MedicineInfo{"eszopiclone", "N05CF04", eszopiclone_names, drowsy_classes, Form::oral, std::nullopt},
    MedicineInfo{"etoricoxib", "M01AH05", etoricoxib_names, {}, Form::oral, std::nullopt},
    MedicineInfo{"fentanyl", "N02AB03", fentanyl_names, opioid_classes, Form::oral | Form::patch | Form::rate_patch | Form::inhaled, 2.4, DoseUnit::mcg_per_hour},
    MedicineInfo{"fluoxetine", "N06AB03", fluoxetine_names, antidepressant_classes, Form::oral, std::nullopt},
    MedicineInfo{"gabapentin", "N02BF01", gabapentin_names, anti_seizure_classes, Form::oral, std::nullopt},
    MedicineInfo{"hydrocodone", "R05DA03", hydrocodone_names, opioid_classes, Form::oral, 1.0},
    MedicineInfo{"hydromorphone", "N02AA03", hydromorphone_names, opioid_classes, Form::oral, 5.0},
    MedicineInfo{"hydroxyzine", "N05BB01", hydroxyzine_names, drowsy_classes, Form::oral, std::nullopt},
    MedicineInfo{"ibuprofen", "M01AE01", ibuprofen_names, {}, Form::oral | Form::topical, std::nullopt},
    MedicineInfo{"imipramine", "N06AA02", imipramine_names, antidepressant_classes, Form::oral, std::nullopt},
    MedicineInfo{"ketamine", "N01AX03", ketamine_names, {}, Form::oral, std::nullopt},
    MedicineInfo{"lacosamide", "N03AX18", lacosamide_names, anti_seizure_classes, Form::oral, std::nullopt},
    MedicineInfo{"lamotrigine", "N03AX09", lamotrigine_names, anti_seizure_classes, Form::oral, std::nullopt},
    MedicineInfo{"levetiracetam", "N03AX14", levetiracetam_names, anti_seizure_classes, Form::oral, std::nullopt},
    MedicineInfo{"lidocaine", "N01BB02", lidocaine_names, {}, Form::patch | Form::topical, std::nullopt},
    MedicineInfo{"lorazepam", "N05BA06", lorazepam_names, drowsy_classes, Form::oral, std::nullopt},
    MedicineInfo{"melatonin", "N05CH01", melatonin_names, drowsy_classes, Form::oral, std::nullopt},
    MedicineInfo{"methadone", "N07BC02", methadone_names, opioid_classes, Form::oral, 4.7},
    MedicineInfo{"mirtazapine", "N06AX11", mirtazapine_names, antidepressant_drowsy_classes, Form::oral, std::nullopt},
    MedicineInfo{"morphine", "N02AA01", morphine_names, opioid_classes, Form::oral, 1.0},
    MedicineInfo{"naproxen", "M01AE02", naproxen_names, {}, Form::oral, std::nullopt},
    MedicineInfo{"nefopam", "N02BG06", nefopam_names, {}, Form::oral, std::nullopt},
    MedicineInfo{"nitrazepam", "N05CD02", nitrazepam_names, drowsy_classes, Form::oral, std::nullopt},
    MedicineInfo{"nortriptyline", "N06AA10", nortriptyline_names, antidepressant_classes, Form::oral, std::nullopt},
    MedicineInfo{"oxcarbazepine", "N03AF02", oxcarbazepine_names, anti_seizure_classes, Form::oral, std::nullopt},
    MedicineInfo{"oxycodone", "N02AA05", oxycodone_names, opioid_classes, Form::oral, 1.5},
    MedicineInfo{"oxymorphone", "N02AA11", oxymorphone_names, opioid_classes, Form::oral, 3.0},
    MedicineInfo{"paracetamol", "N02BE01", paracetamol_names, {}, Form::oral, std::nullopt},
    MedicineInfo{"paroxetine", "N06AB05", paroxetine_names, antidepressant_classes, Form::oral, std::nullopt},
    MedicineInfo{"pethidine", "N02AB02", pethidine_names, opioid_classes, Form::oral, std::nullopt},
    MedicineInfo{"phenelzine", "N06AF03", phenelzine_names, antidepressant_classes, Form::oral, std::nullopt},
    MedicineInfo{"phenytoin", "N03AB02", phenytoin_names, anti_seizure_classes, Form::oral, std::nullopt},
    MedicineInfo{"pholcodine", "R05DA08", pholcodine_names, opioid_classes, Form::oral, std::nullopt},
    MedicineInfo{"pregabalin", "N02BF02", pregabalin_names, anti_seizure_classes, Form::oral, std::nullopt},
    MedicineInfo{"promethazine", "R06AD02", promethazine_names, drowsy_classes, Form::oral, std::nullopt},
    MedicineInfo{"quetiapine", "N05AH04", quetiapine_names, drowsy_classes, Form::oral, std::nullopt},
    MedicineInfo{"sertraline", "N06AB06", sertraline_names, antidepressant_classes, Form::oral, std::nullopt},
    MedicineInfo{"sodium valproate", "N03AG01", sodium_valproate_names, anti_seizure_classes, Form::oral, std::nullopt},
    MedicineInfo{"tapentadol", "N02AX06", tapentadol_names, opioid_classes, Form::oral, 0.4},
    MedicineInfo{"temazepam", "N05CD07", temazepam_names, drowsy_classes, Form::oral, std::nullopt},
    MedicineInfo{"theophylline", "R03DA04", theophylline_names, theophylline_classes, Form::oral, std::nullopt},
    MedicineInfo{"topiramate", "N03AX11", topiramate_names, anti_seizure_classes, Form::oral, std::nullopt},
    MedicineInfo{"tramadol", "N02AX02", tramadol_names, opioid_classes, Form::oral, 0.2},
    MedicineInfo{"tranylcypromine", "N06AF04", tranylcypromine_names, antidepressant_classes, Form::oral, std::nullopt},
    MedicineInfo{"trazodone", "N06AX05", trazodone_names, antidepressant_drowsy_classes, Form::oral, std::nullopt},
    MedicineInfo{"venlafaxine", "N06AX16", venlafaxine_names, antidepressant_classes, Form::oral, std::nullopt},
    MedicineInfo{"vortioxetine", "N06AX26", vortioxetine_names, antidepressant_classes, Form::oral, std::nullopt},
    MedicineInfo{"zolpidem", "N05CF02", zolpidem_names, drowsy_classes, Form::oral, std::nullopt},
    MedicineInfo{"zopiclone", "N05CF01", zopiclone_names, drowsy_classes, Form::oral, std::nullopt},
};

}  // namespace

std::span<const MedicineInfo> medicine_vocabulary() { return vocabulary; }

}  // namespace painlog
