"""Rules drawn from the false and missed relations of reald–realf; the examples use invented names.

Each reads a form, not one story: a firm named by its fullest written name, a country and a sector word
that describe the name after them ("UK pharma major X"), a description opening the sentence, co-promotion
as co-commercialisation, and a research collaboration that pays royalties.
"""

from press_release import mention_names, relations


def test_a_known_firm_goes_by_its_fullest_written_name():
    # The gazetteer knows "GSK"; the text writes "GlaxoSmithKline plc" first, as a reader would name it.
    assert relations("GlaxoSmithKline plc (LSE: GSK) has agreed to acquire Orvane Therapeutics for $300 million. "
                     "GSK will pay cash.") == {
        ("acquisition", (("GlaxoSmithKline plc", "acquirer"), ("Orvane Therapeutics", "target")))}
    # A public body keeps its own name, not its administration's longer one.
    found = relations("The Walloon Region, through the Service public de Wallonie, has granted Kestrel Bio SA "
                      "EUR 2 million.")
    assert {p for _, parties in found for p in parties} == {("Walloon Region", "funder"), ("Kestrel Bio SA",
                                                                                            "recipient")}


def test_a_country_and_a_sector_word_describe_the_name_after_them():
    assert mention_names(["Orvane announced it is awarding $7 million to UK pharma major Halvorsen Pharma (LSE: HLV).",
                          "Kestrel has signed with long-time partner US biotech firm Ulmen Biologics.",
                          "SK biopharmaceuticals signed."]) == [
        ["Orvane", "Halvorsen Pharma"], ["Kestrel", "Ulmen Biologics"], ["SK biopharmaceuticals"]]


def test_a_description_opening_the_sentence_makes_a_name():
    assert mention_names(["Swedish biotech firm Brantor International saw its shares rise 27% after a deal with "
                          "US pharma giant Halvorsen."]) == [["Brantor International", "Halvorsen"]]


def test_co_promotion_is_co_commercialisation():
    assert relations("Kestrel Pharma Co., Ltd. today announced that it has entered into a Japan co-promotion "
                     "agreement with Orvane K.K. for three Orvane therapies.") == {
        ("co_development", (("Kestrel Pharma Co., Ltd.", "partner"), ("Orvane K.K.", "partner")))}


def test_a_research_collaboration_paying_royalties_stays_a_collaboration():
    body = ("Brantor Sciences has entered into a multi-year research collaboration with Halvorsen Pharma to "
            "discover antibodies. Brantor is eligible for milestones and royalties on sales.")
    assert relations(body) == {
        ("rd_collaboration", (("Brantor Sciences", "partner"), ("Halvorsen Pharma", "partner")))}
    # A licence fee makes it a licence.
    assert {t for t, _ in relations(body.replace("milestones and royalties", "a licence fee and royalties"))} == {
        "license"}
