"""analyzer_pii: who and what it finds, and what it leaves alone."""

import pytest

from analyzer.errors import LexiconError, OptionError
from analyzer.privacy.detect import PiiDetector
from analyzer.privacy.patterns import load_patterns, read_names


def found(doc, *labels: str) -> list[str]:
    return [m.text for m in doc._.analyzer_pii.mentions if m.label in labels]


def people(doc) -> list[str]:
    return found(doc, "PERSON", "HANDLE")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hi Dana,\n\nThe report is late again.\n", ["Dana"]),
        ("The figures are in the shared folder.\n\nThanks,\nPriya\n", ["Priya"]),
        ("That is all from me. Thanks, Priya\n", ["Priya"]),
        ("Best regards,\nIngrid Solheim\nHead of Support\n", ["Ingrid Solheim"]),
        ("From: Tomás Ortega <tomas@example.org>\nTo: Lena Fischer\n\nPlease review it.\n",
         ["Tomás Ortega", "Lena Fischer"]),
        ("Before the rewrite I talked to the two people who built the old system (Wojciech and Erik).\n",
         ["Wojciech", "Erik"]),
        ("Marisol and Teodor want us to own the funnel. I told Marisol we need more people.\n",
         ["Marisol", "Teodor", "Marisol"]),
        ("Nguyễn Văn Minh joined in January and leads the clean-up.\n", ["Nguyễn Văn Minh"]),
        ("Łukasz and I reviewed the macros on Friday.\n", ["Łukasz"]),
        ("The escalations go to Ngozi Okonkwo-Adeyemi on weekends, and José said so.\n",
         ["Ngozi Okonkwo-Adeyemi", "José"]),
        ("Ms. Castellanos received the complaint on Monday.\n", ["Castellanos"]),
        ("[09:14] Kofi Mensah: did anyone look at the alerts?\n[09:15] Aiyana Redcloud: yes, all fine.\n",
         ["Kofi Mensah", "Aiyana Redcloud"]),
        # A speaker the tagger reads as a common word, the model as a title.
        ("[09:14] Priya Raman: checkout is throwing 502s for everyone on web.\n"
         "[09:15] Tomasz Wielgosz: me. looking\n", ["Priya Raman", "Tomasz Wielgosz"]),
        # A phone's chat export dates its stamps day first, as the chat reader knows them.
        ("07/05/2024, 09:16 - Tomasz Wierzbicki: thanks. did anyone tell support?\n", ["Tomasz Wierzbicki"]),
        ("Ravi, can you write up the comparison for the architects?\n", ["Ravi"]),
        ("The vendor is late again, so I will escalate to Dominic this morning.\n", ["Dominic"]),
        ("@tbrandt joined the call late, so please sync with @mkoh on the details.\n", ["@tbrandt", "@mkoh"]),
        # A call to everyone in a chat and the keywords of code are nobody's handle.
        ("@here the build is green; @mkoh moved the @media print rule and the @param notes.\n", ["@mkoh"]),
        ("Kevin Brandt called twice today.\nI TOLD KEVIN THAT WE ARE ON IT.\n", ["Kevin Brandt", "KEVIN"]),
        ("REGARDS,\nMARTA SZYMAŃSKA\nHead of Customer Success\n", ["MARTA SZYMAŃSKA"]),
        ("Greta Lindqvist sent notes. Later greta added more.\n", ["Greta Lindqvist", "greta"]),
        ("On Tue, 4 Mar 2025 at 10:12, Hamid Karimi <hamid@example.org> wrote:\n> Can we move it?\n",
         ["Hamid Karimi"]),
        ("I told Teodor it would be late, and Teodor agreed.\n", ["Teodor", "Teodor"]),
        ("Olivia Brennan: let's start.\nTariq Aziz: I can go first.\n", ["Olivia Brennan", "Tariq Aziz"]),
        ("Ji-hoon and I covered the weekend; the Dana-led review can wait.\n", ["Ji-hoon", "Dana"]),
        ("2024-06-11 02:13 <jsmith> db is at 100% cpu\n2024-06-11 02:15 <akowalski> looking\n",
         ["jsmith", "akowalski"]),
        ("He praised his peers, especially Ifeoma and Lars, who carried the rewrite.\n", ["Ifeoma", "Lars"]),
        ("I will write it up for him and for Nadia in the morning.\n", ["Nadia"]),
        ("Workload is unsustainable since Paula left. Nobody has replaced her.\n", ["Paula"]),
        ("Review: Odile Marchetti, Senior Analyst\n\nThe model work was careful.\n", ["Odile Marchetti"]),
        ("Please loop in Anouk and Tiberius from the data group.\n", ["Anouk", "Tiberius"]),
        ("The plan came from Thandiwe Nkosi (who leads infra) last spring.\n", ["Thandiwe Nkosi"]),
        ("Special thanks go to Marisol Quispe for the migration.\n", ["Marisol Quispe"]),
        # A closing that runs on past its sign-off word still has the name below it.
        ("We will fix the rota by Friday.\n\nThanks for your patience,\nJoel\nAnalytics Lead\n", ["Joel"]),
        # A name coordinated with a group of people; a label in bold; a role in brackets is no name.
        ("The delay left Ana and the finance team rebuilding figures by hand.\n", ["Ana"]),
        ("**Interviewer:** Owen Pritchard (HR Business Partner)\n\nThe leaver was calm.\n", ["Owen Pritchard"]),
        # A transcript's speakers, in capitals with their role in brackets, or named in
        # brackets after a role; and a name later on a line that opens with such a label.
        ("HOLLIS FAIRWEATHER (Chief of Staff): Next question, please.\n\nMARISOL ESTEBAN-GRANT (CEO): "
         "A fair question. Priscilla Adebayo-Lund in pricing is on it.\n\nAUDIENCE MEMBER (Renata Lind, "
         "Support): Thanks.\n",
         ["HOLLIS FAIRWEATHER", "MARISOL ESTEBAN-GRANT", "Priscilla Adebayo-Lund", "Renata Lind"]),
        # A label that ends in a header of its own ("taken by") names who did it.
        ("**Chair:** Dr Anjali Mehta\n**Notes taken by:** Hannah Price\n\nThe date moved.\n",
         ["Anjali Mehta", "Hannah Price"]),
        # A header names groups, roles and sites besides people.
        ("To: All People Managers <managers@example.org>\nFrom: Nathalie Fournier\n\nPeople managers "
         "should tell their teams today.\n", ["Nathalie Fournier"]),
        ("To: Rebecca Thornton, HR Business Partner\nFrom: Marcus Ellingworth, Warehouse Shift Supervisor, "
         "Leeds Distribution Centre\n\nI am writing to raise a grievance.\n", ["Rebecca Thornton", "Marcus Ellingworth"]),
        # A full name, then the organisation it works for; the organisation is no one.
        ("Two scrutineers, Marguerite Dubois of the Fennick Institute and Oluwaseun Bankole of Northgate "
         "Civic Tech, checked the count.\n", ["Marguerite Dubois", "Oluwaseun Bankole"]),
        ("Legal advice came from Perrin Oyelaran of Holbrook Wade Solicitors.\n", ["Perrin Oyelaran"]),
        # A job title in brackets is the person's, and the list stays a list of people; a
        # surname with an inner capital after a name's prefix is still a name.
        ("Our angels include Dana Okafor (CTO, Quillon), Sam Hale (Founder, Larchway), and Rui Costa "
         "(Founder, Brackenridge).\n", ["Dana Okafor", "Sam Hale", "Rui Costa"]),
        ("Liam McAvoy and Petra Lindqvist-Baro have completed their terms on the Committee; we thank them "
         "for their service!\n", ["Liam McAvoy", "Petra Lindqvist-Baro"]),
        # A given name run together in camel case, read as part of a full name, is a name
        # wherever it stands, alone too.
        ("On March 3rd, JoAnn Whitfield said she would not speak at the summit. We failed you, JoAnn.\n",
         ["JoAnn Whitfield", "JoAnn"]),
        # Appointed or elected to a role, the one named is a person, whatever the model reads.
        ("The council appointed Tomas Vrba as BD for the proposal.\n", ["Tomas Vrba"]),
        # An image's credit on a line of its own names its maker.
        ("Subject: Remembering the founder\n\nArtwork by Hugo Martel\n\nThe choir first sang in 2015 and "
         "now has ninety members.\n", ["Hugo Martel"]),
        # The place that ends an organisation's name is no one, whatever is listed beside it.
        ("Helpers were Owen Tadley of the University of Leeds and Nora Grey of the University of "
         "Glasgow. We also recruited a student from the University of Aberdeen who came in May.\n",
         ["Owen Tadley", "Nora Grey"]),
        # Minutes open a line with who acts: a given name the tagger reads as a common noun
        # is a name when no dictionary holds it.
        ("- The council met on Monday.\n- Chiamaka will write a reply to the vendor.\n", ["Chiamaka"]),
        # The parse joins a name to the council before it, leaving the verb after it with no subject.
        (("I left the board in spring but stay on the advisory council and Maren Holloway is a board "
          "member.\n"), ["Maren Holloway"]),
        # A name of two ordinary words ("coral", "hart") that its description makes a person.
        ("Coral Hart, my colleague who runs the registry, advised me to report the site.\n", ["Coral Hart"]),
        # The writer's own name, in brackets after "I".
        (("As part of the trust's evolution in line with the new strategy, Dana Whitfield, Omar Castell, and I "
          "(Tamsin Greaves) will have departed the trust by the end of December.\n"),
         ["Dana Whitfield", "Omar Castell", "Tamsin Greaves"]),
        # A team's member, named in full, then by the given name as the one who did the work.
        (("**The core team**\n\n- Renzo Makita: Renzo worked on linter and parser, by adding new\n  rules, "
          "fixing the existing ones, and adding new grammar to the parser;\n"), ["Renzo Makita", "Renzo"]),
        # User names kept as a link's text, doing what people do.
        ("Timeline\n\n- 01:39: [rivenstar] joins the call\n- 01:52: [dkowal] proposed to add disk space\n",
         ["rivenstar", "dkowal"]),
    ],
)
def test_people_are_found_by_context(nlp, text, expected):
    assert people(nlp(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Background: when we tried this before, it failed.\n",
        "Leadership is asking for a single owner. The leadership team agrees.\n",
        "Leadership asked each lead for feedback, and Finance agreed to fund it.\n",
        "Two Cody squads own the editor plugins, and the Strat team handles the strat accounts.\n",
        "The renewal with Bank Z depends on the audit we owe them in March.\n",
        "For the pilot we might ship only JetBrains support, or only Cloud, or only search.\n",
        "# Risks\n\n| Owner | Item | Due |\n|---|---|---|\n| Dana | Draft the rollback plan | May |\n",
        "THE INTEGRATION HAS BEEN DOWN AND NOBODY HAS ANSWERED.\n",
        "We will decide next week whether the pilot uses Cody or Copilot.\n",
        # A farewell is no one addressed; a word then "she" past a heading or a paragraph is not
        # her, nor is a place with "he" in the next sentence.
        "Thank you all.\n\nGoodbye, and thank you for everything.\n",
        "- Workload in Q3 was relentless after two colleagues left.\n\n## Would she return?\n\nMaybe.\n",
        "We will approve the move to fully remote work from Cardiff. He starts in May.\n",
        # A job title that opens a clause of its own is no title of the word before it.
        "We stop selling Beacon Classic in October. If you're on Classic, your manager will call you.\n",
        # A pronoun or a department that opens a line of minutes acts, but is no one.
        "- The council met on Monday.\n- Anyone will write a reply to the vendor.\n",
        "- The council met on Monday.\n- Staff will write a reply to the vendor.\n",
        # A thing the parse joins to another, before a verb that has no subject of its own.
        "The report runs on Postgres and Quarry Analytics is the only engine we use.\n",
        # A product named again as the subject of its description is still a product.
        "Tools\n\n- Vite: Vite bundles the site.\n- Biscuit: Biscuit signs the releases.\n",
        # A project kept as a link's text does not propose, ask or join.
        "The release tool [cli_tools] sets the file mode, and [pkgbuild] builds the archives.\n",
        # A heading in title case that tells readers to tell their own users.
        "Plan for the end of support\n\nNotify Your Users Before You Upgrade\n\nSay when you will move.\n",
        # A short name in brackets that spells out the words before it.
        "Our packages moved to the Centre for Open Tooling (CfOT) in May.\n",
        # Labels alone on their lines are the memo's headings, not a transcript's speakers.
        "Our rota is changing.\n\nRota Improvements:\n\nThe desk closes at six from May.\n\nClear Handover "
        "Duties:\n\nEach lead signs off the week.\n",
        # Plural common nouns in a capitalised list of things, wrapped onto a line of their own.
        "We applied to the fund for Better\nBuild Tools, Frameworks, and Libraries last year.\n",
    ],
)
def test_products_teams_headings_and_words_are_not_people(nlp, text):
    assert [p for p in people(nlp(text)) if p != "Dana"] == []


def test_a_product_described_by_its_maintainer_is_no_person(nlp):
    found_people = people(nlp("Projects\n\n- Vocabulary (maintainer: Zack Krida)\n- Chooser (maintainer: Ana Lima)\n"))
    assert "Vocabulary" not in found_people and "Chooser" not in found_people


def test_a_word_a_name_was_widened_to_stays_a_word_where_it_is_one(nlp):
    doc = nlp("The Trust for Public Geodata merges with Wren Geodata next year, said Ana Lima.\n"
              "Members can comment through the public forum until April.\n")
    assert "public" in doc._.analyzer_pii.ordinary_words


def test_a_name_that_is_also_a_word_is_only_the_name_where_it_names(nlp):
    doc = nlp("Will Grant reviewed the model. It will not converge, and Will knows why.\n"
              "There is a grace period, and Grace Liu agreed.\n")
    assert people(doc) == ["Will Grant", "Will", "Grace Liu"]
    assert doc._.analyzer_pii.ordinary_words >= {"will", "grace"}


@pytest.mark.parametrize(
    "text, label, value",
    [
        ("Write to dana.whitfield@example.org today.", "EMAIL", "dana.whitfield@example.org"),
        # Markdown's underscores for italics are not part of the address.
        ("Questions go to _dwhit@example.com_ this week.", "EMAIL", "dwhit@example.com"),
        ("Call +1 (415) 555-0134 after lunch.", "PHONE", "+1 (415) 555-0134"),
        ("Call +44 20 7946 0958 after lunch.", "PHONE", "+44 20 7946 0958"),
        ("Reach me on 07700 900461 tonight.", "PHONE", "07700 900461"),
        ("Her profile: https://www.linkedin.com/in/anjali-menon-dev.", "URL",
         "https://www.linkedin.com/in/anjali-menon-dev"),
        ("Code at https://github.com/srivera for review.", "URL", "https://github.com/srivera"),
        ("My employee ID: EMP-204518 for reference.", "ID", "EMP-204518"),
        ("Scorecard ID: HR-77120 attached.", "ID", "HR-77120"),
        ("Her SSN is 123-45-6789 on the form.", "ID", "123-45-6789"),
    ],
)
def test_personal_data_patterns(nlp, text, label, value):
    assert found(nlp(text), label) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "The release is on 2024-03-15 and uses version 3.8.0.",
        "Revenue grew 2019-2020 by $2m, and 70% of capacity goes to support.",
        "The ramp holds 15’000 lbs; vans of 5-8k lbs cross it hourly.",
        "See https://docs.example.com/guide/setup for the steps.",
        "Ticket PROJ-1234 tracks it, at 10:30 on 12/03/2024.",
        # A chat's time stamp: a date, then a time.
        "[2024-05-07 09:14] the deploy finished.",
        "07/05/2024, 09:14 - the deploy finished.",
    ],
)
def test_numbers_dates_and_plain_urls_are_not_personal_data(nlp, text):
    assert found(nlp(text), "PHONE", "ID", "URL", "EMAIL") == []


def test_url_naming_a_detected_person_is_personal_data(nlp):
    doc = nlp("Dana Whitfield wrote the notes at https://wiki.example.com/notes/dana-whitfield today.\n")
    assert found(doc, "URL") == ["https://wiki.example.com/notes/dana-whitfield"]


def test_allow_list_keeps_a_name_and_deny_list_forces_one(nlp):
    detector = PiiDetector()
    detector.initialize(allow=["Cody"], deny=["Nimbus"])
    doc = detector(nlp("Cody said the rollout was fine. Nimbus approved it, and Dana agreed.\n"))
    assert people(doc) == ["Nimbus", "Dana"]


def test_detection_explains_each_verdict(nlp):
    detection = nlp("Marisol wants the Cody teams to own it.\n")._.analyzer_pii
    assert detection.people[("marisol",)] == ("subject of 'want'",)
    assert "Cody" in detection.rejected


@pytest.mark.parametrize(
    "row, message",
    [
        ("regex\tEMAIL", "expected kind<TAB>name<TAB>value, found 2 columns"),
        ("rule\tEMAIL\tx", "unknown kind 'rule'"),
        ("regex\tSSN\t\\d+", "unknown regex label 'SSN'"),
        ("word\tgreeting_word\thowdy", "unknown word role 'greeting_word'"),
        ("regex\tID\t(unclosed", "invalid regular expression"),
        ("regex\tID\t(?P<number>\\d+)", "a named group must be called 'pii'"),
        ("regex\tID\t\\d*", "matches empty text"),
    ],
)
def test_pattern_files_are_checked_with_file_and_line(tmp_path, row, message):
    path = tmp_path / "mine.tsv"
    path.write_text(f"# my patterns\nword\tgreeting\thowdy\n{row}\n")
    with pytest.raises(LexiconError, match=rf"{path}, line 3: .*{message}"):
        load_patterns(path)


def test_user_patterns_add_to_the_shipped_ones(tmp_path, nlp):
    path = tmp_path / "mine.tsv"
    path.write_text("regex\tID\t\\b(?P<pii>BDG\\d{5})\\b\nword\tgreeting\thowdy\n")
    detector = PiiDetector()
    detector.initialize(patterns=load_patterns(path))
    doc = detector(nlp("Howdy Marisol,\nyour badge is BDG12345 and mail goes to m.r@example.org.\n"))
    assert found(doc, "PERSON", "ID", "EMAIL") == ["Marisol", "BDG12345", "m.r@example.org"]


def test_name_lists_skip_comments_and_blank_lines(tmp_path):
    path = tmp_path / "allow.txt"
    path.write_text("# products\nCody\n\nVS Code   # the editor\n")
    assert read_names(path, "--allow") == ["Cody", "VS Code"]
    with pytest.raises(OptionError, match="--allow .*missing.txt: no such file"):
        read_names(tmp_path / "missing.txt", "--allow")


def test_a_one_word_name_that_modifies_a_common_noun_anywhere_is_a_product(nlp):
    doc = nlp("We took the governance model from Ravenna's charter. The Ravenna project's council "
              "still runs it.\n")
    assert people(doc) == []


def test_an_office_written_like_a_name_is_no_person(nlp):
    doc = nlp("Present: Helen Okafor (Chair), Owen Pritchard (Treasurer), Tom Wade\n\n"
              "1.1 Trustees welcomed the report. Owen Pritchard (Treasurer) said reserves were low.\n"
              "1.2 Kevin Marsh, Operations Director, Chair, asked for a vote.\n")
    assert set(people(doc)) == {"Helen Okafor", "Owen Pritchard", "Tom Wade", "Kevin Marsh"}


def test_a_company_named_in_full_once_is_no_person_where_its_short_name_is_used(nlp):
    doc = nlp("Fiona Gallagher said the supplier, Corvane Health Systems, has booked its team.\n\n"
              "Decision: Robert Kinsella to negotiate with Corvane on the rebooking fee.\n")
    assert set(people(doc)) == {"Fiona Gallagher", "Robert Kinsella"}


def test_a_company_whose_registered_name_is_written_is_no_person_whatever_verb_it_takes(nlp):
    doc = nlp("Some months ago, Corvane Group, Inc. filed three trademark applications. We have asked "
              "Corvane to abandon them.\n\nAna Lima, Acme Inc. wrote to us, and Corvane has not answered.\n")
    assert people(doc) == ["Ana Lima"]


@pytest.mark.parametrize("byline", [
    "Written by Daniel Fairweather, Operations Lead, Brackenridge Supplies\n\n",
    "Thanks,\nDaniel Fairweather\nOperations Lead, Brackenridge\n\n",
    "Employee: Daniel Fairweather\nRole: Customer Success Specialist II, Brackenridge Health\n\n",
])
def test_the_organisation_after_a_persons_job_title_is_no_person(nlp, byline):
    doc = nlp(byline + "The move finished on time and the pickers learned the new scanners in a week.\n")
    assert people(doc) == ["Daniel Fairweather"]


def test_a_list_of_parts_that_share_a_word_is_no_roster_of_people(nlp):
    # Two of its items the model reads as people; the rest of a product line stays readable.
    doc = nlp("The flaw reaches these parts of a deployment:\n\n- Topic Operator\n- Quillon Otto Bridge\n"
              "- Quillon Drake Keeper\n- Quillon Canary\n- Cruise Planner\n- Lumen Exporter\n\nUpgrade all of them.\n")
    assert not {"Quillon Canary", "Cruise Planner", "Lumen Exporter", "Topic Operator"} & set(people(doc))
