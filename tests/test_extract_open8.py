"""Mention rules drawn from the real stories (read locally, not shipped); the examples use invented names.

Each rule reads a form, not one story: names listed next to an organisation, a quoted announcement, a dash
written as two hyphens, a name in capitals on the letterhead, a bare ticker, "University of X".
"""

from bioregion.extract.chunks import find_chunks
from bioregion.extract.gazetteer import Gazetteer
from bioregion.extract.layout import strip_speech
from bioregion.extract.mentions import find_mentions
from bioregion.extract.names import normalise
from bioregion.extract.scoring import same_name

from press_release import mention_names, relations


def test_a_name_listed_next_to_an_organisation_is_one_too():
    assert relations("Kestrel Genomics and DiagnaCure this week announced a research collaboration on liquid "
                    "biopsy tests.") == {
        ("rd_collaboration", (("DiagnaCure", "partner"), ("Kestrel Genomics", "partner")))}


def test_the_list_goes_on_but_not_to_a_place_a_date_or_a_field():
    assert mention_names(["The project brings together Brianza Genomics S.r.l. of Lecco and Lariana Biotech S.p.A."]) == [
        ["Brianza Genomics S.r.l.", "Lariana Biotech S.p.A."]]
    assert mention_names(["On Wednesday 19th October, Halvorsen Pharma and Ulmen Biotech opened the centre."]) == [
        ["Halvorsen Pharma", "Ulmen Biotech"]]
    assert mention_names(["Data from Kestrel Genomics, Orvane and Tessaly were pooled."]) == [
        ["Kestrel Genomics", "Orvane", "Tessaly"]]
    assert mention_names(["Kestrel Genomics holds the rights in Japan, Hong Kong, Macau and Taiwan."]) == [
        ["Kestrel Genomics"]]
    assert "Labour" not in mention_names(["The Ministry of Health, Labour and Welfare approved the deal."])[0]


def test_a_double_hyphen_is_a_dash_not_part_of_a_name():
    assert mention_names(["Kestrel Genomics, Orvane and Tessaly--which often compete--are joining forces."]) == [
        ["Kestrel Genomics", "Orvane", "Tessaly"]]


def test_a_story_quoting_the_announcement_keeps_the_quote():
    kept = 'Halvard Therapeutics Inc. announced that "it has entered into an agreement with Norvane Pharma AG."'
    assert strip_speech(kept) == kept
    speech = '"We are delighted to work with Norvane Pharma AG on this," said the CEO.'
    assert strip_speech(speech) == '"…" said the CEO.'
    body = ('Shares of Halvard Therapeutics Inc. rose 8% after the company announced that "it has granted Norvane '
            'Pharma AG an exclusive license to develop and commercialize its lead antibody in Europe."')
    assert relations(body) == {
        ("license", (("Halvard Therapeutics Inc.", "licensor"), ("Norvane Pharma AG", "licensee")))}


def test_a_name_in_capitals_is_the_same_organisation():
    found = mention_names(["Shielder plc has entered into a licence with KORVA PHARMA CO.,LTD for Korea.",
                    "Korva Pharma will pay all regulatory costs."])
    assert found == [["Shielder plc", "KORVA PHARMA"], ["Korva Pharma"]]


def test_a_bare_ticker_after_the_name_is_an_alias():
    found = find_mentions(["Novaxa, Inc. NVXA announced today that it won a contract.", "NVXA rose 5%."],
                          Gazetteer())
    assert [m.key for m in found.sentences[1]] == [found.sentences[0][0].key]
    assert found.clusters[found.sentences[0][0].key].name == "Novaxa, Inc."


def test_a_participle_before_a_name_is_no_part_of_it():
    assert [c[2] for c in find_chunks("Named Jade Biosciences, the new startup has $80 million.")] == [
        "Jade Biosciences"]


def test_university_of_x_is_x_university():
    assert normalise("University of Ulm") == normalise("Ulm University") == "ulm university"
    assert same_name("University of Ulm", "Ulm University")
    assert normalise("University of California, San Francisco") != normalise("San Francisco University")
