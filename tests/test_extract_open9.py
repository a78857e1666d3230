"""Rules drawn from the false and missed relations of the read real sets; the examples use invented names.

Each reads a form, not one story: a wire quoted at the start of a line of the media list, a person after a
job title, Indian, Singaporean and Malaysian legal forms, a country written "U.S.", a right of first refusal,
a grant pledged "to the Seattle-based X", "the acquisition of all shares of X", a collaboration older than
the news, "Merck" in a story on Merck KGaA.
"""

from bioregion.extract.chunks import find_chunks
from bioregion.extract.gazetteer import builtin_gazetteer
from bioregion.extract.mentions import find_mentions
from bioregion.extract.names import normalise
from bioregion.extract.sentences import split_sentences

from press_release import mention_names, relations


def test_every_wire_of_the_media_list_is_no_party():
    # "PR Newswire", "STAT" and "Les Echos" open lines of the list; they were read with the line's indent.
    for wire in ("PR Newswire", "STAT", "Les Echos"):
        assert relations(f"{wire} reports that Kestrel Pharma has signed a distribution agreement with Orvane "
                        "Biologics for a portfolio of brands in Latin America.") == {
            ("marketing_distribution", (("Kestrel Pharma", "partner"), ("Orvane Biologics", "partner")))}


def test_a_person_after_a_job_title_is_no_organisation():
    assert mention_names(["Halvorsen Pharma and Ulmen Biotech today formed a consortium.",
                   "Halvorsen Pharma, Science Minister Theresia Brandl and CEO Martin Aldous opened the centre."]) == [
        ["Halvorsen Pharma", "Ulmen Biotech"], ["Halvorsen Pharma"]]
    # A laboratory named after its founder keeps its name: "Dr." is no job title.
    assert mention_names(["Halvorsen Pharma has acquired Germany-based biotech company Labor Dr. Kessel Kollegen.",
                   "Dr. Kessel Kollegen founded it."])[0] == ["Halvorsen Pharma", "Labor Dr. Kessel Kollegen"]


def test_indian_singaporean_and_malaysian_legal_forms():
    text = ("Orvane Drugs India Pvt. Ltd, a subsidiary of Kestrel Pharma LLC, will build a plant. "
            "Tessaly Biotech Private Limited and Pharmanis Sdn. Bhd. signed.")
    assert [s.text for s in split_sentences(text)] == [
        "Orvane Drugs India Pvt. Ltd, a subsidiary of Kestrel Pharma LLC, will build a plant.",
        "Tessaly Biotech Private Limited and Pharmanis Sdn. Bhd. signed."]
    assert [c[2] for c in find_chunks(text)] == ["Orvane Drugs India Pvt. Ltd", "Kestrel Pharma LLC",
                                                 "Tessaly Biotech Private Limited", "Pharmanis Sdn. Bhd."]
    assert normalise("Tessaly Biotech Private Limited") == normalise("Tessaly Biotech") == "tessaly biotech"


def test_a_country_and_a_right_of_first_refusal_make_no_acquisition():
    assert relations("Kestrel Bio will have the right of first refusal to acquire U.S. territorial rights until "
                    "Orvane Therapeutics completes its phase 2a trial.") == set()
    assert mention_names(["Kestrel Bio will sell in the U.S. and Korea."]) == [["Kestrel Bio"]]


def test_a_grant_pledged_to_a_described_recipient():
    assert relations("The Bill & Melinda Gates Foundation recently pledged a $30 million, five-year grant to the "
                    "Seattle-based Halvorsen Research Institute for adjuvants, components needed to manufacture "
                    "malaria vaccines.") == {
        ("grant", (("Bill & Melinda Gates Foundation", "funder"), ("Halvorsen Research Institute", "recipient")))}


def test_the_acquisition_of_all_shares_of_a_described_company():
    assert relations("Halvorsen Pharma has signed the agreement on the acquisition of all shares of Germany-based "
                    "biotech company Ulmen Viral GmbH.") == {
        ("acquisition", (("Halvorsen Pharma", "acquirer"), ("Ulmen Viral GmbH", "target")))}
    assert relations("Halvorsen Pharma has entered into a definitive agreement to acquire all of the outstanding "
                    "capital stock of Fremont, California-based privately-held oncology specialist Ulmen "
                    "Therapeutics.") == {
        ("acquisition", (("Halvorsen Pharma", "acquirer"), ("Ulmen Therapeutics", "target")))}


def test_a_collaboration_older_than_the_news_is_background():
    assert relations("Ulmen Viral GmbH has already worked in close collaboration with Halvorsen Pharma on viral "
                    "therapies.") == set()
    assert relations("Ulmen Viral GmbH has worked with Halvorsen Pharma on viral therapies since 2015.") == set()


def test_a_bare_alias_stands_for_the_known_organisation_the_storymention_names():
    # "Merck" alone is Merck & Co.; in a story on Merck KGaA it is Merck KGaA.
    found = relations("Merck KGaA has signed an agreement with Halvorsen Pharma to set up a joint venture, Merck "
                     "Ulmen Pharmaceuticals, in which Merck will invest some $29.6 million and own 90%.")
    assert {name for _, parties in found for name, _ in parties} == {
        "Merck KGaA", "Halvorsen Pharma", "Merck Ulmen Pharmaceuticals"}
    both = find_mentions(["Merck KGaA and Merck & Co. signed a pact with Halvorsen Pharma.", "Merck will pay."],
                         builtin_gazetteer())
    assert len({m.key for ms in both.sentences for m in ms}) == 3


def test_what_a_chunk_alone_tells_is_kept_and_the_document_decides_the_rest():
    from bioregion.extract.chunks import is_name_like, name_form
    from bioregion.extract.mentions import LoweredWords
    assert name_form("Orvane") is None and name_form("AB-101") is False and name_form("Kestrel Bio") is True
    assert not is_name_like("Orvane", LoweredWords("The orvane pathway grows."))
    assert is_name_like("Orvane", LoweredWords("Nothing in lower case here."))
