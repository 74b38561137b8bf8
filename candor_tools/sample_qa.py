"""Write the sample town-hall session: content/qa/spring-town-hall-2026.yml.

About 300 questions to Tidewater Grid's three executives, in every status, so the
Q&A pages, scorecards and feeds have something realistic to show. The questions,
answers and decline reasons are hand-written below; the generator only decides who
asked what, when, with how many votes, and in which words (from the phrasings and
openers given), using ``random.Random(SEED)`` and no clock, so two runs write the
same bytes.

Usage (from the project folder):

    python -m candor_tools.sample_qa           # write the file
    python -m candor_tools.sample_qa --check   # exit 1 if the file on disk differs

Change the data here and run it again; do not edit the YAML file by hand.
The format is described in docs/qa.md.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
OUTPUT = CONTENT / "qa" / "spring-town-hall-2026.yml"
LINKED_POST = "posts/2026/results-2025.md"
SEED = 20260302
PREFIX = "spring"
ZONE = ZoneInfo("Europe/Madrid")

CEO, CFO, CTO = "ana-ruiz", "marcus-adeyemi", "lucia-ortega"
HOSTS = (CEO, CFO, CTO)
TITLE = "Spring town hall 2026"
DESCRIPTION = """
    Our spring town hall, after the 2025 results: ask Ana, Marcus and Lucía anything about
    the numbers, the Maasvlakte site, Balance, safety, pay and what comes next.

    Questions are open online from 2 to 16 March. There are two live meetings: in Valencia
    on Tuesday 10 March at 10:00, and in Rotterdam on Thursday 12 March at 15:00. Questions
    asked in the room appear here too, when the person who asked agrees.

    Every question that follows the rules on our "How we answer" page is shown here,
    whether or not we can answer it. Answers are signed, a "no" always comes with a
    reason, and anything we promise to come back to carries a date.
    """


def _moment(text: str) -> datetime:
    """Return the wall-clock time ``YYYY-MM-DD HH:MM`` in Madrid."""
    return datetime.fromisoformat(text).replace(tzinfo=ZONE)


OPENS = _moment("2026-03-02 09:00")
CLOSES = _moment("2026-03-16 18:00")
# The two live meetings: (start, the personas who attend).
LIVE_VALENCIA = _moment("2026-03-10 10:00")
LIVE_ROTTERDAM = _moment("2026-03-12 15:00")


# --------------------------------------------------------------------------------------
# The data model of this file (not of the plugin): one Concept is one question as the
# company sees it; its first phrasing is the canonical question and ``dupes`` more
# askers send the same question in other words (they become "merged").


@dataclass(frozen=True)
class Concept:
    """One distinct question and, unless pending, the executive's response to it."""

    status: str  # answered | follow-up | declined | pending
    by: str  # the executive who responds ("" for pending)
    topics: tuple[str, ...]
    asks: tuple[str, ...]  # phrasings: the first is canonical, the rest go to duplicates
    reply: str = ""  # the answer, the public reason or the interim answer
    who: str = "staff"  # staff | customer | neighbour | investor | member | any
    heat: int = 0  # 0 quiet … 3 one of the most voted questions
    dupes: int = 0  # how many duplicates get merged into it
    due: str = ""  # follow-ups: YYYY-MM-DD
    at: str = ""  # a fixed response time, when the reply depends on its date


@dataclass(frozen=True)
class Removal:
    """A question taken down by moderation; its text (if any) is never published."""

    reason: str  # spam | abuse | personal-data | off-topic
    note: str  # the moderator's note, for the team (not shown on the site)
    text: str = ""  # kept only for spam and off-topic; never for personal data


def answered(by: str, topics: str, *asks: str, reply: str, who: str = "staff",
             heat: int = 0, dupes: int = 0, at: str = "") -> Concept:
    """An answered question."""
    return Concept("answered", by, tuple(topics.split()), asks, reply, who, heat, dupes,
                   at=at)


def follow_up(by: str, topics: str, *asks: str, reply: str, due: str, who: str = "staff",
              heat: int = 0, dupes: int = 0) -> Concept:
    """A question with an interim answer and a date for the full one."""
    return Concept("follow-up", by, tuple(topics.split()), asks, reply, who, heat, dupes,
                   due=due)


def declined(by: str, topics: str, *asks: str, reply: str, who: str = "staff",
             heat: int = 0, dupes: int = 0) -> Concept:
    """A question the executive will not answer, with the public reason why."""
    return Concept("declined", by, tuple(topics.split()), asks, reply, who, heat, dupes)


def pending(topics: str, *asks: str, who: str = "staff", heat: int = 0,
            dupes: int = 0) -> Concept:
    """A question not answered yet."""
    return Concept("pending", "", tuple(topics.split()), asks, who=who, heat=heat,
                   dupes=dupes)


# --------------------------------------------------------------------------------------
# Answered. CFO: money and prices; CTO: technology, sites and safety; CEO: strategy
# and people. Every reply is true as of its date (March to May 2026) in the sample's
# story: see content/posts/.

ANSWERED = (
    # Prices and Balance
    answered(CFO, "pricing balance", """
        Is Balance going up in price again in 2026? We renew in September and I have to
        put a number in our budget now.""", """
        Can you confirm there is no second Balance price increase coming this year?""", """
        Another price rise on the way? Asking before our board meeting, not to be
        difficult.""",
        who="customer", heat=3, dupes=2, reply="""
        No. There is no Balance price change planned for 2026, and none will apply to a
        renewal in September. If that changes for 2027, you will read it on this site at
        least six weeks before it applies, with the same table of costs I published last
        May.

        For your budget: €447 per megawatt per month, or about €429 if you renew for five
        years."""),
    answered(CTO, "pricing balance", """
        We run an 8 MW cooperative battery. The small-site exemption ends on 1 July 2026.
        What happens to us then: do we simply go from €410 to €447?""", """
        What is the plan for sites under 20 MW after July? A 9% jump is a lot for a
        cooperative.""", """
        Small operator here. Is there going to be anything cheaper than full Balance for
        sites like ours?""",
        who="customer", heat=2, dupes=2, at="2026-03-24 11:00", reply="""
        Not simply, no. In April we will launch a version of Balance built for sites
        between 2 and 10 MW, at a lower price, because a site of your size does not need
        most of what full Balance costs us to run. Seven cooperatives have been piloting it
        since October. I will publish the price, and exactly what it leaves out, in a post
        in April, well before anyone has to decide anything about July.

        If your site is between 10 and 20 MW, the answer is less tidy: you would stay on
        full Balance. Marcus and I will write to each of those customers individually
        before May."""),
    answered(CFO, "pricing balance", """
        How many customers did we actually lose because of the July price change? The
        sales team hears a different number every week.""",
        heat=1, reply="""
        Three. I had budgeted for eight. All three were Spanish sites under 30 MW, and all
        three told us price was the main reason. Two moved to a competitor and one went back
        to running its schedule by hand. Over the same period we gained 16 customers, which
        is how Balance still grew to 84."""),
    answered(CFO, "pricing", """
        Is the 4% discount for a five-year contract still on offer, or was it only for
        renewals last summer?""",
        who="customer", reply="""
        It is still on offer, for new contracts and renewals, with no end date: five years
        at about €429 per megawatt per month. The catch, and it is a real one, is that you
        commit for five years. There is no break clause in the discounted contract."""),
    answered(CFO, "pricing balance", """
        Does our Balance bill go up if the software cycles the batteries more often?""",
        who="customer", reply="""
        No. The fee is per megawatt under management per month, whatever the software does
        with it. That was deliberate: we did not want to earn more when your cells work
        harder.

        If you think Balance is cycling your site more than it should, ask your account
        engineer for the cycle report. It shows every full cycle per month and what each
        one earned."""),
    answered(CFO, "results balance", """
        Balance revenue grew 18% in 2025. How much of that came from the price increase
        and how much from new customers?""",
        who="investor", reply="""
        Roughly a quarter from price and three quarters from volume. The new price applied
        only to contracts signed or renewed after 1 July, so in 2025 it touched about a
        third of our megawatts, for half a year. Most of the growth came from 16 new
        customers and from existing customers adding sites. In 2026 the price effect will
        be larger, as more contracts renew."""),
    answered(CFO, "pricing balance", """
        Why won't you offer Balance on a revenue-share basis? Several of us asked last year
        and the answer still seems to be no.""",
        who="customer", reply="""
        The answer is still no, for the reason I gave last May. A share of your revenue
        would make our income swing with the same Spanish balancing prices that already
        make yours swing, and in 2025 those prices fell 34%. Our lenders would not accept
        it, and I do not want our ability to staff the operations room at night to depend
        on a good month. What I can offer is one fixed price you can plan on."""),
    answered(CFO, "pricing rotterdam", """
        Do Dutch customers pay the same for Balance as Spanish ones? Market access in the
        Netherlands costs differently.""",
        who="customer", reply="""
        Yes, the same €447 per megawatt per month. Market access in the Netherlands does
        cost us a little more, mainly in data fees, but not enough to justify two price
        lists. If that changes, we will say so, with the numbers, as we did last year."""),
    answered(CFO, "pricing", """
        Will Balance prices be indexed to inflation from now on? Some software vendors do
        that automatically.""",
        who="customer", reply="""
        No. We considered an automatic index and decided against it, because it would let
        us raise prices every year without having to explain why. A price change at
        Tidewater has to be argued in public, with the costs behind it. That is slower for
        us, and I think it is better for you."""),
    answered(CTO, "balance pricing", """
        What exactly do we get for €447 that we would not get from a cheaper optimiser?
        Please be concrete.""",
        who="customer", at="2026-03-20 16:30", reply="""
        Three things, in order of what they cost us:

        - **A person who can take over your site by hand** within ten minutes, at any hour
          of the year. That is the 24/7 operations room: 23 people.
        - **Your own market connection,** so a problem at another customer's site cannot
          stop yours from trading.
        - **Dedicated hardware on site,** with a second communications line.

        The forecasting and dispatch engine itself is a smaller part of the cost than most
        people think. If your site does not need the first two, a cheaper product may suit
        you better, and we are about to launch one."""),
    answered(CTO, "balance jobs", """
        Is the 24/7 operations room still at 23 people? It feels like fewer on nights since
        the freeze.""",
        heat=1, reply="""
        It is at 23 on paper and 21 in practice. Two people left in the autumn. The freeze
        allowed us to replace them, but hiring took longer than it should have; both roles
        are now filled and the new colleagues start in April. Until then, Tuesday and
        Wednesday nights have run with three operators instead of four. That is within our
        safety minimum, but it is not what we promised customers, and I should have said
        so earlier."""),
    answered(CTO, "balance safety", """
        After the September 2024 outage you rebuilt the failover. How often is it actually
        tested?""",
        who="customer", reply="""
        Every month, on the live system. On the first Tuesday of each month we switch
        Balance from the primary environment to the secondary one and back, during trading
        hours, and record how long each site takes to receive its next schedule. The
        slowest switch in 2025 took 94 seconds. Once a quarter we also run an unannounced
        test: the operations room does not know the date in advance."""),
    answered(CTO, "balance", """
        What was Balance's availability in 2025, measured the way you measure it in our
        contracts?""",
        who="customer", reply="""
        99.96%. We measure it as the share of five-minute intervals in which every site
        under management received a valid schedule. The biggest loss was one incident on 14
        November, when a certificate renewal failed and schedules stopped for 38 minutes at
        11 Spanish sites. The affected customers had the incident report the same week. From
        now on we will put the yearly figure in our results."""),
    answered(CTO, "balance", """
        Does Balance place bids for us in the day-ahead market, or does it only plan around
        the prices?""",
        who="customer", at="2026-03-18 12:15", reply="""
        Full Balance places bids for you in the day-ahead and intraday markets in Spain and
        the Netherlands, within limits you set, and every bid is logged where you can see
        it. The smaller product we are launching for sites under 10 MW will not: it plans
        around the prices and leaves trading to you. That difference is one of the reasons
        it will cost less."""),
    answered(CTO, "balance", """
        Can we get API access to Balance's schedule data, to feed it into our own
        systems?""",
        who="customer", reply="""
        Yes. Every customer can use the read-only API for schedules, dispatch history and
        cycle reports at no extra cost; the documentation is in the customer portal. Write
        access, for example to set your own limits from your systems, is available on
        request after a short security review, because a mistake there can move a
        battery."""),
    answered(CTO, "balance", """
        Are we moving Balance to a different cloud provider? There are rumours about a big
        migration.""",
        reply="""
        We moved the secondary environment, not the primary one. The failover we rebuilt
        after September 2024 now runs at a second provider, so a problem at one company
        cannot stop both. The primary stays where it is. The move finished in January, and
        customers did not need to do anything."""),
    answered(CTO, "balance jobs", """
        Why does the Balance team in Valencia carry most of the weekend on-call?""",
        reply="""
        Because until this year most of the engineers who could fix the dispatch engine
        were in Valencia. That has changed: six Rotterdam engineers finished the on-call
        training in February, and from April the weekend rota is split evenly between the
        two offices. For Valencia, that means about one weekend in seven instead of one in
        four."""),
    answered(CTO, "safety balance", """
        We use the same cooling system as Requena at our own site. Can you share your
        connector check with us?""",
        who="customer", reply="""
        Yes. The procedure is four pages: how to seat the connector, how the second
        technician checks it, and what goes in the signed record. Ask your account engineer
        and we will send it, with a short video. It costs you nothing, and we would rather
        every site with this cooling system used it."""),
    # Safety and Requena
    answered(CTO, "safety requena", """
        A year after the fire at Requena, can you honestly say these batteries are safe to
        have 1.2 km from our houses?""", """
        Is it safe to live near a battery site after what happened at Requena last
        March?""", """
        My children's school is in the village. Should I be worried about another thermal
        event?""",
        who="neighbour", heat=3, dupes=2, reply="""
        I can tell you what I know, and you can judge. On 18 March 2025 one group of cells
        in one container failed because a coolant connector had been badly fitted. The
        container isolated itself and the fire suppression stopped the heat from reaching
        the next module. Nothing left the container, and the fire service found no smoke or
        gas outside the fence. Our cells, lithium iron phosphate, are much less prone to
        fire than the chemistry in phones and cars.

        Since then we have checked all 2,304 connectors of that type, fixed nine more, and
        every connector now gets a second check by a different technician, with a signed
        record. I will not tell you the risk is zero, because it is not. I will tell you
        that if anything happens, the neighbours' association hears from us within one
        hour, day or night."""),
    answered(CTO, "safety", """
        Has the two-technician connector check actually caught anything since it was
        introduced, or is it paperwork?""",
        reply="""
        It has caught three badly seated connectors, all at Murcia during installation,
        all before the containers were switched on. That is three in about 1,900 checks
        since April 2025. Without the second check, those three would have gone into
        service exactly as the one in R-41 did. The paperwork matters too: when we find a
        problem, the signed record tells us which batch, which shift and which tool."""),
    answered(CFO, "safety results", """
        Did your insurance premiums go up after the Requena thermal event? By how
        much?""",
        who="investor", reply="""
        Yes. Our property insurance renewal in January went up by 14%, about €0.6 million a
        year across all sites. Part of that is the event and part is the market: insurers
        raised premiums for battery storage across Europe in 2025. Our broker's view is that
        about half of our increase is specific to us. Of the €1.9 million the event cost,
        insurance covered €1.5 million."""),
    answered(CTO, "safety neighbours", """
        Has the one-hour rule for telling the neighbours actually been used since last
        March?""",
        who="neighbour", heat=1, reply="""
        Twice. In October a smoke detector at Murcia went off during maintenance and the
        fire service came out; the site lead called the neighbours' association 35 minutes
        after the alarm to say it was dust, not smoke. In January an inverter fault at
        Requena set off an alarm at night that brought the fire service; the association
        was called within 50 minutes. Both calls are logged, and the association's chair
        has confirmed both to us in writing."""),
    answered(CTO, "safety requena", """
        What is in the aerosol that the fire suppression system released? Is it toxic for
        people, or for the fields around the site?""",
        who="neighbour", reply="""
        It is a fine potassium-salt aerosol that interrupts the chemistry of a fire. Inside
        a closed container it is an irritant, which is why nobody goes in until the
        container has been ventilated. Outside, in the amounts involved, it settles as a
        salt dust. After the event the regional environment service took soil samples at
        four points around the fence and found nothing above normal levels. We have asked
        them to send their summary to the neighbours' association too."""),
    answered(CTO, "safety", """
        Has anything changed in how you work with the local fire service?""",
        who="neighbour", reply="""
        Yes. We now run a joint exercise with the fire service at every site once a year,
        and twice a year at Requena. The fire service also has live access to the
        temperature view of every container, so the crew sees what our on-call engineer
        sees before they arrive. The last exercise at Requena was on 11 February, at night,
        on purpose."""),
    answered(CEO, "safety neighbours", """
        Who decided not to tell the neighbours for six hours? And has anyone taken
        responsibility for that?""",
        who="neighbour", heat=2, reply="""
        There was no decision, which was the problem. Our procedure at the time said to
        inform the association "as soon as the situation is stable", and nobody on site
        that night thought of 03:30 as a time to call anyone. I take responsibility for
        that procedure: it was approved on my watch and it was not good enough.

        The fix is the one-hour rule Lucía described, and it applies at every site,
        including the Maasvlakte. I will not name the people on shift that night. They
        followed the procedure they had."""),
    answered(CTO, "safety sustainability", """
        What happened to the cells from container R-41 after the laboratory was done with
        them?""",
        who="any", reply="""
        The laboratory kept two modules as evidence until the insurance claim closed in
        December. The rest went to a certified battery recycler near Zaragoza, which
        recovers the lithium, the iron phosphate, the copper and the aluminium. The damaged
        module could not be recycled the same way and was treated as hazardous waste. We
        have the certificates for both and will show them to anyone from the neighbours'
        association who asks."""),
    answered(CTO, "safety", """
        Beyond the connector check, have we changed anything in detection? Eleven minutes
        from the alarm to the call to the fire service seemed long.""",
        reply="""
        Yes, two things. Every container at Requena and Murcia now has off-gas sensors,
        which pick up the gases cells release minutes before they overheat, not only the
        temperature. And the on-call engineer's tablet now shows the camera feed together
        with the alarm, so confirming no longer means logging in to a second system. In the
        last exercise, alarm to call took four minutes instead of eleven."""),
    answered(CTO, "safety jobs", """
        As a technician: the second check adds time to every commissioning. Are schedules
        adjusted, or are we expected to make it up elsewhere?""",
        heat=1, reply="""
        Schedules are adjusted. The second check adds about 40 minutes per container, and
        every commissioning plan since May 2025 includes that time. If a site lead ever asks
        you to skip it or rush it to keep a date, that is a safety concern you can raise
        directly with me or with the safety team, and it will not count against you. The
        date moves; the check does not."""),
    answered(CEO, "neighbours requena", """
        Will there be another open evening at Requena this year? The last one was
        useful.""",
        who="neighbour", reply="""
        Yes: on Thursday 21 May, from 18:00, at the site entrance. Lucía and I will both be
        there, with the site lead and someone from the fire service, and we will walk
        through the new connector procedure and the alarm process. The neighbours'
        association will send the invitation. You do not need to register."""),
    answered(CTO, "requena neighbours", """
        Is the Requena site now within the 35 dB night-time limit you promised?""",
        who="neighbour", heat=1, reply="""
        Yes, since the acoustic wall and the new fan controllers were finished at the end of
        February 2025. An independent acoustic firm measured 33 to 34 dB at the nearest
        house on three still nights in March 2025, and again in January 2026. The fans run
        at full speed at night again. If you hear something that sounds louder, tell the
        site lead: we will measure on that night, not a week later."""),
    answered(CTO, "safety rotterdam", """
        What is different about safety at the Maasvlakte compared with the Spanish
        sites?""",
        who="member", reply="""
        Three things.

        - **Water:** every container stands on a platform 1.2 m above the highest flood
          level in the port's planning.
        - **Salt:** the enclosures have salt-air coatings, and we inspect for corrosion
          every three months instead of every year.
        - **Neighbours:** there are no homes nearby, but there is a chemical terminal, so
          our emergency plan is part of the port's joint plan, not a separate one.

        The connector check is the same as in Spain."""),
    answered(CFO, "safety results", """
        You say safety spending was not cut. How much was it in 2025, compared with
        2024?""",
        who="investor", reply="""
        €6.8 million in 2025, against €5.1 million in 2024. That counts safety staff,
        training, inspections, the off-gas sensors and the second connector check, but not
        insurance. Almost all of the increase is what we changed after Requena. The 2026
        budget has €7.2 million."""),
    answered(CTO, "safety jobs", """
        Do contractors get the same safety training as our own technicians?""",
        reply="""
        Everyone who works inside a battery container gets the same training, employee or
        contractor, and cannot enter a container without it. Contractors doing civil works
        outside the containers get a shorter induction. Since Requena, contractors doing
        connector work also need the signed second check. There are no exceptions for
        external crews."""),
    # Jobs and people
    answered(CEO, "jobs", """
        The freeze is over. Which roles are actually open, and can we see them before they
        go outside?""",
        heat=2, reply="""
        32 roles for the first half of 2026: 19 in Rotterdam, mostly for the Maasvlakte and
        Balance, and 13 in Spain, mostly field technicians and Balance engineers. All of
        them are on the internal jobs board for two weeks before we advertise outside. If
        you apply internally, your manager is told only when you reach the final interview,
        and they cannot block the move."""),
    answered(CEO, "jobs strategy", """
        Can you rule out layoffs in 2026?""", """
        With a €14.8 million loss, are layoffs coming? People are nervous and nobody says
        it out loud.""", """
        Is there a plan to reduce headcount this year? Straight answer please.""", """
        Rumours in Valencia about job cuts after the results. True or not?""",
        heat=3, dupes=3, reply="""
        We have no plan to reduce the team in 2026, and no such plan is being prepared. The
        rumour in Valencia is not true.

        I cannot promise that this will never change: if Spanish balancing prices fell
        another 15% or more, we would have to look at everything again. What I promised in
        June 2025 still holds. If that day comes, you will hear it from me first, here and
        in the room, not from a rumour."""),
    answered(CEO, "jobs rotterdam", """
        Why are 19 of the 32 new roles in Rotterdam when most of the company is in
        Spain?""",
        heat=1, reply="""
        Because that is where the new work is. The Maasvlakte needs eleven people to run
        it, and they have to live within reach of the port. Balance has grown fastest with
        Dutch customers, and we want their engineers in their language. In Spain, two sites
        have moved later, and our Spanish teams were less stretched by the freeze. It is
        not a sign that we are moving the company north."""),
    answered(CEO, "jobs culture", """
        Do internal candidates really get the first look, or is that just a line?""",
        reply="""
        They get two weeks in which only internal applications are considered. In this first
        round, 41 colleagues applied and 9 of the 32 roles went to internal candidates.
        That is fewer than I hoped. The most common reason was that the candidate's own
        team could not release them before the summer. From now on, that conflict comes to
        me, not to the two managers."""),
    answered(CEO, "jobs", """
        What happened to the 23 candidates whose processes were stopped by the freeze? Did
        anyone call them back?""",
        who="any", reply="""
        Yes. In January each of them got a call from the same hiring manager who had called
        them in June. Eleven wanted to hear about the new roles, six applied, and four have
        joined us: three in Rotterdam and one in Valencia. Most of the others had found jobs
        elsewhere, which is exactly what we feared in June, and part of what the freeze
        cost."""),
    answered(CEO, "jobs culture", """
        Headcount fell by 18 during the freeze and nobody was replaced. Some teams are
        clearly overloaded. What is being done?""",
        heat=1, reply="""
        You are right, and the load did not fall evenly: Balance support and the Murcia
        site carried most of it. Four of the 32 new roles are there for exactly that
        reason, and in January we stopped two internal projects to give those teams time
        back. If your team is one of the others, ask your manager to raise it at quarterly
        planning. If that does not work, ask me here."""),
    answered(CFO, "pay", """
        What was the actual average salary increase in January? "At least inflation" can
        mean anything.""",
        heat=2, reply="""
        The average increase was 3.4% in Spain and 3.6% in the Netherlands. The minimum was
        2.8% in Spain and 3.1% in the Netherlands, which matches the 2025 inflation figures
        each country's statistics office published in January. About one person in five
        received more than 5%, mostly people in the lower half of their salary band. The
        total cost is €2.4 million a year, as I said in November."""),
    answered(CFO, "pay", """
        What did the three of you earn in 2025, bonuses included?""",
        heat=2, reply="""
        €1.14 million between the three of us in base salary, and no bonuses, because the
        2025 executive bonuses were set to zero when the freeze began. Ana's base salary is
        €420,000, mine is €370,000 and Lucía's is €350,000. We agreed to publish our own pay.
        We will not do the same for anyone else, for the reasons Ana gave when we started
        this site."""),
    answered(CFO, "pay", """
        The executive bonuses for 2025 were set to zero. What about everyone else's 2025
        bonus?""",
        reply="""
        Everyone else's 2025 bonus was paid in March, under the same rules as every year.
        The company part paid 40% of target, because we missed the revenue and EBITDA
        targets; the team and personal parts paid normally. Only the executive team's bonus
        was set to zero, by our own decision in June."""),
    answered(CFO, "pay", """
        Are the 2025 executive bonuses really zero, or just deferred to later?""",
        reply="""
        Really zero. Nothing is deferred, banked or paid in another form, and there was no
        special award in their place. You can check it in the remuneration note of the 2025
        accounts when they are published after the audit."""),
    answered(CEO, "jobs pay", """
        Is the July promotion cycle going ahead this year?""",
        reply="""
        Yes, on the usual dates: nominations close on 29 May and decisions are announced on
        1 July. The promotion budget is the same as last year. The freeze never stopped
        promotions, and the new roles will not reduce the number available."""),
    answered(CEO, "jobs culture", """
        Travel was cut by 40%. Was the training budget cut as well?""",
        reply="""
        No. Travel and external events were cut for the last months of 2025, and that
        included travel to conferences, which some people counted as training. The training
        budget itself, €640,000 for courses and certifications, was never cut. In 2026
        travel is back to about 80% of the 2024 level, and each team decides who goes to
        which conference, not finance."""),
    answered(CFO, "pay jobs", """
        How much do field technicians get for an on-call week, and is it the same in both
        countries?""",
        heat=1, reply="""
        In Spain, €340 for a standard on-call week, plus overtime for each call-out. In the
        Netherlands, €410 plus overtime, because the collective agreement there sets a
        higher minimum. The difference comes from the agreement, not from a choice to pay
        Spanish technicians less. We review the Spanish amount every January; this year it
        went up from €310."""),
    answered(CEO, "pay culture", """
        Will you publish salary bands for every level, like you publish everything
        else?""", """
        Why are salary bands secret in a company that publishes its results in such
        detail?""", """
        Please publish the pay range for each level, and the gender pay gap.""", """
        Can we at least see the band for our own level? HR says the bands are
        confidential.""", """
        What is our gender pay gap? Do we even measure it?""",
        heat=3, dupes=4, at="2026-05-18 09:00", reply="""
        We published them today. Every level, in Spain and in the Netherlands, now has its
        band on the intranet and on our careers page, together with the median pay of men
        and of women at that level. The largest gap is 6%, in senior engineering, and we
        will report on it every year until it closes.

        This took longer than the four weeks we promise, because we found two levels whose
        bands overlapped badly and fixed them before publishing rather than after.

        We will not publish individual salaries. A band and an office are enough to identify
        some people, and they did not agree to that when they joined."""),
    answered(CEO, "culture rotterdam jobs", """
        Do we have a works council in Rotterdam now, and does it get a say in things like
        the freeze?""",
        reply="""
        Yes. The Rotterdam office has had a works council since 2024, when it passed 50
        people, and Valencia's staff committee has existed since 2019. Both were told about
        the freeze before it was announced, and the Dutch council was formally consulted on
        the Maasvlakte staffing plan. They cannot veto hiring decisions, but they have a
        right to be heard, and they used it."""),
    answered(CEO, "jobs rotterdam", """
        If someone in Valencia takes one of the Rotterdam roles, do they get any help with
        moving?""",
        reply="""
        Yes: one month's salary towards the move, up to three months of temporary housing,
        and Dutch lessons paid by the company for the first year. Your role in Valencia is
        held for six months in case it does not work out. Two colleagues have done it this
        year; ask HR and they will put you in touch."""),
    answered(CEO, "jobs", """
        Is the graduate programme coming back? My daughter is finishing electrical
        engineering in Valencia.""",
        who="neighbour", reply="""
        Yes. It was paused in 2025 with the freeze and restarts in September 2026 with 12
        places: eight in Spain and four in the Netherlands. Applications open in April on
        our careers page, for graduates of any EU university. We do not give priority to
        relatives of staff, in either direction."""),
    answered(CEO, "culture", """
        How can I raise a concern anonymously if I don't trust my manager?""",
        reply="""
        Three ways, all of which keep your name from your manager:

        1. Ask here without a name, as many people do.
        2. Use the whistleblowing channel, which an outside firm runs, as the law requires
           in both countries.
        3. Talk to any member of the works council or the staff committee.

        Reports about the executive team that come through the outside channel go to the
        chair of the board's audit committee, not to us."""),
    # Remote work and culture
    answered(CEO, "remote-work culture", """
        Is the three-days-in-the-office rule going to change? Some managers are already
        asking for four.""", """
        Will the hybrid policy stay as it is in 2026?""", """
        My manager says "the company wants people back in the office". Is that true?""", """
        Any plans to go back to full-time office? Please be honest, some of us have planned
        our lives around hybrid work.""",
        heat=3, dupes=3, reply="""
        No change is planned for 2026. The rule stays at three days in the office for
        office-based roles, agreed within each team, and no manager can ask for four as a
        standing rule. If your team is being asked for more, tell HR or tell me here: that
        is a company policy question, not a local one.

        What I do ask is that the three days are real days together, not three days of
        video calls from a desk in the office."""),
    answered(CEO, "remote-work", """
        Can we work from another country for a few weeks a year, for example to visit
        family?""",
        reply="""
        Yes: up to 20 working days a year from another EU country, with your manager's
        agreement and a note to HR before you go. The limit comes from tax and social
        security rules, not from a lack of trust. Outside the EU it is harder; ask HR first,
        because some countries create tax obligations for the company from the first
        day."""),
    answered(CEO, "remote-work jobs", """
        Has anyone looked at a four-day week for office staff? Several Dutch companies are
        trying it.""",
        heat=1, reply="""
        We looked at it in 2024 and decided against it, and I do not expect to revisit it
        this year. Our operations room and our sites run seven days a week, and a four-day
        week for office staff only would widen a gap between office and field colleagues
        that is already too wide. I know that is not the answer many of you wanted. I would
        rather say it clearly than leave it hanging."""),
    answered(CEO, "culture", """
        Are we moving out of the Valencia office? There's talk of a cheaper building.""",
        reply="""
        Not before 2028. Our lease runs until June 2028 and we have not started looking.
        When we do, the main question will be how many desks three office days a week
        really need, and we will ask you before we decide, not after."""),
    answered(CEO, "culture", """
        Should we write in English or Spanish in company-wide channels? With more Dutch
        colleagues it is getting confusing.""",
        reply="""
        English in company-wide channels and documents, because it is the one language most
        of us share. Within a team, use whatever the team speaks. We pay for Spanish, Dutch
        and English lessons for anyone who wants them, and nobody should be marked down
        because their third language is not perfect."""),
    answered(CFO, "culture", """
        Is the canteen subsidy in Valencia being cut as part of the savings?""",
        reply="""
        No. The subsidy continues at the same level in 2026. What was cut in the autumn was
        catering for external events and visitors, which some people noticed and took as a
        sign. I understand why; we should have explained it at the time."""),
    answered(CFO, "culture", """
        Are team offsites allowed again in 2026, or are they still frozen?""",
        reply="""
        They are allowed again. Each team has €250 per person for 2026 for offsites and team
        events, and the team decides how to use it. The 40% cut on travel and events
        applied to the last months of 2025 only."""),
    # Rotterdam, the Maasvlakte and Polderstroom
    answered(CTO, "rotterdam", """
        Is the Maasvlakte site still on track for June? Polderstroom members will ask us at
        our assembly.""", """
        Can you give us a straight update on the Maasvlakte date?""", """
        June for the Maasvlakte: confirmed, or another date that will move?""",
        who="member", heat=2, dupes=2, reply="""
        Here is the update in the form Ana now asks all of us to use.

        - **The range:** grid connection between mid-June and mid-July, and first trading
          about two weeks after that.
        - **What it depends on:** the grid operator's commissioning crew, whose slot for us
          is the week of 15 June, and our own tests.
        - **When we will know more:** by mid-May, when the operator confirms the crew.

        The civil works are finished, and 58 of the 64 containers are on their
        platforms."""),
    answered(CFO, "rotterdam results", """
        The Maasvlakte ground needed more piles than planned. What does that do to the
        budget?""",
        who="investor", heat=1, reply="""
        The foundations are about €3.5 million over their €9.1 million budget: the ground
        survey found softer layers under part of the site, and we needed 180 more piles.
        The rest of the project is close to budget, so we expect the total to land around
        €77 to €78 million against €74 million, 4 to 5% over. Polderstroom and we share the
        extra cost equally, as the agreement says."""),
    answered(CTO, "rotterdam jobs", """
        How many permanent jobs will the Maasvlakte site create, and will they be
        local?""",
        who="member", reply="""
        Eleven permanent roles run the site: a site lead, eight technicians and two security
        staff, all hired in the Netherlands. Eight have already signed. Construction has had
        about 160 contractors at its peak, most of them from South Holland."""),
    answered(CEO, "rotterdam strategy", """
        Why did you choose a cooperative as partner when utilities offered more
        money?""",
        who="any", heat=1, reply="""
        Because we wanted a partner whose interests match what the site is for.
        Polderstroom's members want it to store their own renewable power for the evening,
        not to trade for its own sake, and so do we. They also asked the hardest safety
        questions of anyone we talked to, which after Requena I counted in their favour.
        The utilities offered more money up front. Over 20 years, I think the cooperative
        is the better deal."""),
    answered(CEO, "rotterdam", """
        Do Polderstroom's members have any say in how the site is run day to day?""",
        who="member", reply="""
        Not day to day: Tidewater operates the site with Balance for a fixed annual fee,
        and operating decisions are ours. Members do have a say in what matters most to
        them. The joint company's board has two members from each side, safety reports go
        to that board every quarter, and members vote each year on what to do with their
        half of the profits."""),
    answered(CEO, "rotterdam strategy", """
        Is there going to be a second Dutch site? Several members would invest again.""",
        who="member", reply="""
        Not before the Maasvlakte has run for a full year. I want Polderstroom's members to
        see a year of real numbers before anyone asks them for more of their savings. If we
        study a second phase on the same land before then, we will say so here, and it will
        be a study, not a decision."""),
    answered(CFO, "rotterdam results", """
        Why does the Maasvlakte cost more per megawatt than Requena did?""",
        who="investor", reply="""
        Requena cost €118 million for 100 MW, about €1.18 million per megawatt. The
        Maasvlakte is budgeted at €74 million for 60 MW, about €1.23 million per megawatt,
        and will end a little higher. The raised platforms and salt-air coatings add about
        €3 million, Dutch construction labour costs more, and the softer ground needed
        extra piles. Battery prices fell over the same period, which is why the gap is not
        larger."""),
    answered(CFO, "pay rotterdam", """
        Do Rotterdam staff get the same salary review rules as Spain?""",
        reply="""
        The same rules, with different numbers: at least each country's own inflation, and
        a larger increase for people low in their band. In January that meant a minimum of
        3.1% in the Netherlands and 2.8% in Spain. Bands are set per country, because the
        job markets are different."""),
    answered(CTO, "rotterdam neighbours safety", """
        Who are the nearest neighbours of the Maasvlakte site, and will they get the same
        one-hour rule as Requena?""",
        who="member", reply="""
        There are no homes within 8 km; the nearest neighbours are other port companies,
        including a chemical terminal. They get the same rule in a different form: any
        alarm that brings the fire service is reported within one hour to the port's
        emergency control room, which informs the other companies. We will tell
        Polderstroom too, because its members asked us to."""),
    answered(CTO, "rotterdam safety", """
        Did the Dutch fire authorities approve your fire safety plan, and can members read
        it?""",
        who="member", reply="""
        Yes: the regional safety authority approved it in November, after two rounds of
        comments. Members can read the full plan; Polderstroom has a copy and will share it
        at the assembly. The only parts left out are the site's security details, for the
        obvious reason."""),
    answered(CEO, "strategy rotterdam", """
        Will the company's headquarters stay in Valencia?""",
        reply="""
        Yes. The company was founded in Valencia, most of our people and sites are in
        Spain, and nothing about the Maasvlakte changes that. Rotterdam will keep growing,
        and some teams, such as Balance for Dutch customers, will be led from there. That is
        a decision about teams, not about headquarters."""),
    # Marea
    answered(CTO, "marea balance", """
        Is there any chance Marea comes back, now that prices are more volatile?""", """
        Could we restart Marea in a smaller form? The idea was good.""",
        heat=1, dupes=1, reply="""
        Not in the form it had. The stop condition we should have written, 8% better than
        the Balance baseline, still has not been met by anything we have tested. What
        survived is the data pipeline: market data now reaches Balance in about 40 seconds
        instead of nine minutes. If someone proposes a new forecasting product, it will
        start with a written stop condition, reviewed every quarter by someone outside the
        project."""),
    answered(CTO, "marea jobs", """
        Where did the eleven people from Marea end up? Are they all still here?""",
        reply="""
        Ten of the eleven are still here: six in Balance, three in site operations and one
        in the new small-sites team. One left in January for a job in Amsterdam, with our
        best wishes; it had nothing to do with Marea. Nobody lost their job because the
        project stopped."""),
    answered(CTO, "marea strategy", """
        Which of our current projects have a written stop condition?""",
        reply="""
        Five, which is every project over €500,000: the two Albacete sites, the small-sites
        version of Balance, the Maasvlakte commissioning and the new Balance failover. Each
        condition is one or two sentences, and someone who does not work on the project
        reviews it every quarter. We will publish all five on the intranet this month."""),
    answered(CFO, "marea results", """
        Was the €2.7 million spent on Marea written off in the 2025 accounts?""",
        who="investor", reply="""
        Yes. About €1.1 million had been capitalised as software development, and we wrote
        all of it off in the third quarter of 2025. The other €1.6 million had already gone
        through the income statement as salaries and cloud costs. The data pipeline we kept
        was never capitalised separately, so nothing of Marea is left on the balance
        sheet."""),
    answered(CTO, "marea", """
        Did anyone face consequences for the Marea decisions, or does "I made a mistake"
        cover it?""",
        heat=1, reply="""
        I made the decisions that cost the most, so the consequences should be mine. In
        practice: my 2025 bonus was already zero, with the rest of the executive team's, and
        the board reviewed the Marea decisions with me in September, in writing. The team
        did nothing wrong; they built what I asked for, and built it well. The lasting
        consequence is the stop-condition rule, which applies to my projects first."""),
    # Results, money and strategy
    answered(CFO, "results strategy", """
        What exactly has to happen for the 2027 profit to hold?""", """
        What would push the first profit to 2028?""", """
        Is the 2027 profit target realistic, or another date that will move?""",
        who="investor", heat=3, dupes=2, reply="""
        Three things: Spanish balancing prices not falling another 15% or more, the
        Maasvlakte trading from the summer, and Balance growing at least 12% a year. If
        prices fall 15% more, the profit moves to 2028, and I will not pretend otherwise.

        We will know much more after the third quarter of this year. I will update the date
        here then, whichever way it goes."""),
    answered(CFO, "results", """
        €74 million of cash at the end of 2025, down from €96 million. How long does that
        last?""",
        who="investor", heat=1, reply="""
        It is not a countdown, because our sites and software earn more than they cost to
        run. Cash goes down because we are investing: in 2025, €88 million of capital
        spending against €24.9 million of EBITDA. In 2026 we will build less until Albacete
        is decided, and we keep a minimum of €40 million in cash at all times. If we were
        heading below it, we would delay building, not wages."""),
    answered(CFO, "results", """
        The covenant test you moved from December to March: has it happened, and did we
        pass?""",
        who="investor", at="2026-04-22 10:00", reply="""
        It was measured at 31 March, and the banks confirmed the result on 20 April: we
        passed. The test compares our cash flow with the debt payments due in the same
        year; the minimum is 1.20 and we were at 1.31. The headroom is smaller than I would
        like, and the next test, in September, will be closer. I will publish that result
        here too."""),
    answered(CFO, "results strategy", """
        Are you planning to raise new equity in 2026?""",
        who="investor", reply="""
        No. We have no plan to raise equity in 2026 and have not asked our shareholders to
        prepare for one. If the Albacete sites go ahead, we will finance them with project
        debt and our own cash, as we did Requena. If that ever changes, our shareholders and
        lenders will hear it first, because the law requires it, and then you will read it
        here."""),
    answered(CFO, "pay results", """
        Why keep the full salary review when the company lost €14.8 million? That seems
        hard to justify to lenders.""",
        who="investor", heat=1, reply="""
        Because it was promised, and because losing trained people costs more than keeping
        them. The review costs about €2.4 million a year. Replacing even 20 experienced
        technicians and engineers would cost more than that in hiring and training, and it
        would be a year before the new people were as safe and as fast. Our lenders asked
        the same question in December, and they accepted the answer."""),
    answered(CEO, "strategy requena", """
        Why not sell a minority stake in Requena to bring in cash?""",
        who="investor", reply="""
        We looked at it in the autumn. Selling 49% of Requena would bring in about €45
        million, and it would mean sharing the site's best years with a financial investor
        at a moment when prices, and so valuations, are low. We would rather keep it and use
        it as the model for the Albacete sites. If our cash came close to the €40 million
        minimum, this is one of the first things we would reconsider, and I would say so
        here."""),
    answered(CEO, "strategy", """
        Is Tidewater for sale, or in talks to be acquired? People keep asking.""",
        heat=2, reply="""
        No. We are not for sale and we are not in talks with anyone about buying the
        company. Our shareholders have not asked us to look for a buyer. If that ever
        changes, I could not tell you the terms while they were being negotiated, but I
        would tell you that it was happening."""),
    answered(CTO, "results", """
        How is the Murcia site doing in its first year?""",
        reply="""
        Technically well: 98.7% availability since it started in September, and no safety
        incidents apart from the false alarm in October. Financially, it earns about 12%
        less per megawatt-hour than its business case, because the case was built on 2024
        prices. Its neighbours made one complaint, about construction traffic, which ended
        with construction."""),
    answered(CFO, "results strategy", """
        Why do Spanish balancing prices keep falling, and is that going to continue?""",
        who="any", heat=1, reply="""
        Because more batteries are competing for the same work. Balancing is a small
        market: the grid operator needs only so much reserve, and every new battery, ours
        included, adds supply. In 2025 prices were 34% lower than in 2024. I expect them to
        keep falling, more slowly, until enough old gas plants leave the market, and nobody
        knows when that will be. That is why we plan on today's prices, not on a
        recovery."""),
    answered(CEO, "strategy", """
        Who is on the board, and how many of its members are independent?""",
        who="investor", reply="""
        Seven members: two representing the founders, of whom I am one, two from our
        largest shareholders, and three independents, one of whom chairs the audit
        committee. Their names and short biographies are on our about page. The board met
        eleven times in 2025, four more than planned, mostly about the results and the
        freeze."""),
    answered(CEO, "strategy culture", """
        Why does a private company publish this much? Doesn't it help our
        competitors?""",
        who="any", reply="""
        It helps competitors a little. It helps everyone else more: our lenders, customers,
        staff and neighbours all make decisions based on how healthy we are, and they should
        see the numbers our board sees. Competitors can already estimate most of it from
        public data. "A competitor might read it" is not one of our reasons to decline a
        question."""),
    answered(CEO, "strategy jobs", """
        Installation services keep shrinking. Is that business going to be closed?""",
        reply="""
        No. It stays, in Spain, at about the size it is now. We stopped installing for
        other companies outside Spain in 2024 because it took our best engineers away for
        little margin. Inside Spain it earns its place, and it keeps our installation skills
        sharp for our own sites. Nobody in installation services needs to look for another
        job because of this."""),
    answered(CFO, "results", """
        How much debt does the company have, and how much of it is at floating rates?""",
        who="investor", reply="""
        At the end of 2025, €412 million: €298 million of project debt on our sites and
        €114 million of corporate bonds. About 80% of the project debt is fixed or hedged
        for at least five years. The floating part is mostly Requena's, which we hedged only
        in part in 2023; a one-point rise in rates would cost us about €0.8 million a
        year."""),
    answered(CEO, "strategy", """
        Is a stock market listing on the cards in the next few years?""",
        who="investor", reply="""
        Not in the next three years. A listing makes sense for a company that is profitable
        and wants to raise a lot of money at once, and we are neither yet. I would also
        rather get the profit date right before asking anyone to buy shares on the strength
        of it."""),
    answered(CEO, "strategy", """
        What is the company's strategy for the next three years, in one paragraph?""",
        heat=1, reply="""
        Run the sites we have well, grow Balance faster than our own fleet, and build new
        sites only where the numbers work at today's prices. In practice: the Maasvlakte
        this summer, the two Albacete sites if the bank terms are right, and a cheaper
        Balance for small owners. No new countries before 2028, and nothing but storage and
        the software that runs it."""),
    answered(CEO, "strategy culture", """
        Is this Q&A actually changing anything, or is it PR?""",
        heat=1, at="2026-03-27 10:00", reply="""
        Judge by what changed. Questions here led to the one-hour rule for neighbours, the
        salary bands we are preparing, the weekend on-call split in Balance, and a dated
        correction of a date I should not have promised. Questions here also got a lot of
        "no", with reasons, which I think is the hardest part to fake. If you think a
        question was dodged, ask it again and say which part we dodged."""),
    answered(CFO, "results", """
        Why does finance take 60 days to pay some suppliers? A contractor I know at Murcia
        complained.""",
        reply="""
        Our standard terms are 30 days, and Spanish law caps most payments at 60. In the
        autumn, to protect cash, we paid some invoices closer to 60 days than to 30. That
        was legal, and it was the wrong call for small contractors, who have less cash than
        we do. Since February, any supplier with fewer than 50 employees is paid within 30
        days, and finance reports the average every month."""),
    # Sustainability
    answered(CTO, "sustainability", """
        What happens to the batteries at the end of their life? Recycling, or
        landfill?""",
        who="any", heat=1, reply="""
        Recycling, and it is in every supply contract. Our cells are expected to last 15 to
        20 years. At the end, the supplier takes them back to a certified recycler, which
        recovers the lithium, the iron phosphate, the copper and the aluminium, and the
        cost is already in our site budgets. Before that, we will test whether the cells
        are good enough for a second, lighter life, for example at a small solar farm."""),
    answered(CTO, "sustainability", """
        How long does a battery site take to pay back the emissions of building it?""",
        who="any", reply="""
        Our estimate for Requena is about two and a half years. Building it, mostly the
        cells, caused roughly 55,000 tonnes of CO2. Each year the site shifts solar power
        into evening hours that would otherwise be covered mostly by gas, which avoids an
        estimated 20,000 to 24,000 tonnes. The estimate is ours and has not been checked
        independently yet, so treat it as a range, not a fact."""),
    answered(CTO, "sustainability requena", """
        Do the sites use a lot of water for cooling? Water is scarce on the plateau.""",
        who="neighbour", reply="""
        Very little. The cooling is a closed loop: the same coolant goes round and round
        and is cooled by fans, not by evaporating water. Requena uses about 300 cubic
        metres a year in total, mostly for cleaning and for topping up the fire service's
        tanks, which is about what two households use."""),
    answered(CTO, "sustainability requena", """
        What have you done about the land around the Requena site? It used to be scrub,
        with a lot of birds.""",
        who="neighbour", reply="""
        We kept 4 of the 11 hectares as scrub and replanted another 2 with native species,
        on the advice of an ecologist from the regional bird society. She counts birds on
        the site twice a year; the last count, in October, found 23 species, against 27
        before construction. We have asked her what would bring the others back, and we
        will do what she recommends."""),
    answered(CTO, "sustainability", """
        Do the batteries charge from gas power? Then what is the point?""",
        who="any", reply="""
        Rarely. Balance charges when power is cheapest, which in Spain is almost always
        around midday, when solar power is abundant. In 2025, 91% of the energy our Spanish
        sites stored was charged between 10:00 and 17:00, and most of the rest on windy
        nights. We do not choose the source of each megawatt-hour, but the market makes the
        cleanest hours the cheapest ones."""),
    answered(CTO, "sustainability", """
        Where do the materials in your batteries come from? Is there cobalt from the Congo
        in them?""",
        who="any", reply="""
        No cobalt and no nickel: lithium iron phosphate cells use neither. The lithium and
        graphite come mainly from Australia, Chile and China, through our two cell
        suppliers. Both are audited every year by an independent firm against the
        due-diligence rules of the EU battery regulation, and we publish a summary of those
        audits."""),
    answered(CFO, "sustainability", """
        How much of our vehicle fleet is electric?""",
        reply="""
        64% at the end of 2025: 71 of our 111 vehicles. Most of the rest are field vans for
        sites where we could not charge them. Every new vehicle is electric, and the last
        diesel vans go when their leases end in 2027. We are installing charging points at
        four more sites this year."""),
    answered(CEO, "sustainability culture", """
        Flying between Valencia and Rotterdam every week adds up to a lot of emissions. Do
        we have a travel policy?""",
        reply="""
        Yes, since January: meetings between the two offices are video first, and an
        in-person trip needs a reason beyond "it is better face to face". We do not require
        the train, because Valencia to Rotterdam takes more than a day. Trips between the
        offices fell from about 60 a month in 2024 to about 25 now. I travel more than most,
        and I am counted in those numbers."""),
    answered(CEO, "sustainability", """
        Will you publish a sustainability report, and will it be audited?""",
        who="investor", reply="""
        The first one comes out in June, covering 2025, with limited assurance from the firm
        that audits our accounts. It will include the emissions estimates for our sites, the
        supply-chain audits and our own footprint. Limited assurance is less than a full
        audit; I would rather say that plainly than let the word "audited" do work it does
        not do."""),
    answered(CEO, "sustainability strategy", """
        Do your batteries make my electricity bill higher or lower?""",
        who="neighbour", reply="""
        Slightly lower, as far as we can tell, although the effect on one household's bill
        is small. Batteries buy power when it is cheap and sell it when it is expensive,
        which flattens the evening peak, and the evening hours are the ones that set the
        highest prices. The grid operator's 2025 report estimated that storage lowered
        evening prices in Spain by a few percent. We are part of that, not all of it."""),
    # Neighbours
    answered(CEO, "neighbours requena", """
        Is the community fund for Requena still running, and who decides what it pays
        for?""",
        who="neighbour", reply="""
        Yes: €150,000 a year, for the life of the site. A committee of five decides: three
        people chosen by the neighbours' association, one from the town council and one
        from us, and ours has no casting vote. In 2025 it paid for a new roof on the school
        gym, solar panels for the day centre and twelve small grants. The committee
        publishes its decisions."""),
    answered(CTO, "neighbours jobs requena", """
        How many of the Requena jobs went to people from the area?""",
        who="neighbour", reply="""
        Of the 22 permanent roles on site, 15 are held by people who live in Requena or the
        next municipality. Three of the technicians trained with us through the programme we
        run with the vocational school in Utiel. We would like more; the limit is the number
        of qualified electrical technicians, and the school programme is how we intend to
        change that."""),
    answered(CTO, "neighbours", """
        The construction trucks damaged the road to the hamlet. Who is paying for the
        repair?""",
        who="neighbour", reply="""
        We are. In 2024 we agreed with the town council to restore the access road after
        construction, and we were late: the repair was only finished in October 2025. If
        you see damage the repair missed, tell the neighbours' association where it is, and
        our site lead will look at it within a week."""),
    answered(CFO, "neighbours requena", """
        How much tax does the Requena site pay to the town?""",
        who="neighbour", reply="""
        About €410,000 a year in local taxes, mainly the business activity tax and the
        property tax on the buildings and equipment, plus the one-off construction licence
        fee of €3.1 million in 2023. The amounts are set by law, not by us. The community
        fund comes on top."""),
)


# --------------------------------------------------------------------------------------
# Follow-ups: an interim answer now and a date for the full one. Five of the dates are
# before November 2026, so the sample shows overdue follow-ups as well as open ones.

FOLLOW_UPS = (
    follow_up(CEO, "neighbours requena", """
        The walking path around the Requena site was promised for spring 2025. Is it ever
        going to open?""",
        who="neighbour", heat=1, due="2026-06-30", reply="""
        Yes, but not yet, and I will not give another date without its three parts. The
        path is built. What is missing is a permit from the regional government for the
        stretch that crosses a livestock trail; we applied in September 2025. We expect an
        answer by the end of June, and I will update this answer then, whether or not the
        permit has arrived."""),
    follow_up(CEO, "remote-work rotterdam", """
        In practice the Rotterdam office has more flexible home-working rules than
        Valencia. Will the two be brought into line?""",
        heat=1, due="2026-06-30", reply="""
        You are right that practice differs, and we are looking at why. Part of it is Dutch
        law, which gives employees a right to ask for home working that Spanish law does
        not. Part of it is simply different habits. HR is comparing the two offices, and I
        will publish what we decide by the end of June."""),
    follow_up(CTO, "sustainability", """
        Will you have your emissions payback estimate checked independently, and publish
        the result?""",
        who="investor", due="2026-09-30", reply="""
        Yes. We have asked a university group in Valencia to review our method and our
        numbers for Requena. Their work starts in April and should take about five months.
        I will publish their review, including anything they disagree with, by the end of
        September."""),
    follow_up(CTO, "sustainability", """
        Have you found any second-life use for cells that are past their best?""",
        who="any", due="2026-07-31", reply="""
        Not at scale yet. We are testing 40 modules from one of our older sites at a small
        solar farm near Lorca, to see whether they behave well enough for lighter work. The
        test ends in July, and I will publish the results here, including if the answer is
        "not worth it"."""),
    follow_up(CFO, "pay", """
        Dutch colleagues have a company pension. Spanish colleagues don't. Why, and will
        that change?""",
        heat=2, due="2026-10-31", reply="""
        The difference comes from the two countries' systems. In the Netherlands, a sector
        pension is part of the collective agreement; in Spain, the public pension does most
        of that work and company plans are rare. That explains the difference. It does not
        make it fair.

        We are costing a company contribution to a Spanish pension plan. I will give you
        the answer, yes or no and the numbers, by the end of October."""),
    follow_up(CFO, "strategy results", """
        Are the two Albacete sites still going ahead, and when?""", """
        What is the latest on Albacete? Some of us were hired for those projects.""",
        heat=2, dupes=1, due="2026-12-15", reply="""
        The plan is for the first to start construction in spring 2027 and the second
        later, but both depend on the bank terms we are offered and on grid connection
        slots, and each has a written stop condition. The board will decide when it
        approves the 2027 budget in December. I will update this answer with its decision
        within two weeks of that meeting."""),
    follow_up(CFO, "pay", """
        Are executive bonuses coming back in 2026? If so, on what conditions?""", """
        Will the leadership team get bonuses for 2026 while the company is still losing
        money?""", """
        Executive bonuses for 2026: yes or no?""",
        heat=3, dupes=2, due="2026-12-31", reply="""
        That is the board's decision, not ours, and it has not been made. I can tell you
        what we have proposed: no executive bonus for 2026 at all unless the company
        reaches the bottom of its revenue range and has no serious safety incident. The
        board will decide with the 2027 budget in December, and I will publish its decision
        and the conditions here by the end of the year."""),
    follow_up(CFO, "pay", """
        What will the January 2027 salary review look like?""",
        heat=1, due="2026-12-15", reply="""
        The 2027 budget is not written yet, so I cannot give you a number. The principle
        stays: at least inflation, in each country. I will publish the proposed figure with
        the draft budget in the autumn, and the final one after the board approves it in
        December."""),
    follow_up(CTO, "balance pricing", """
        Will your product for small sites be available in Portugal? We run a 5 MW
        cooperative battery near Évora.""",
        who="customer", due="2026-12-31", reply="""
        Not at launch: we start in Spain and the Netherlands, where we already have market
        connections. Portugal needs its own market connection and a local partner for
        on-site support. We will decide whether to do it in 2027 or later when we set next
        year's budget, and I will answer you here by the end of the year."""),
    follow_up(CEO, "rotterdam strategy", """
        Is there room on the Maasvlakte plot for a second phase?""",
        who="member", due="2027-03-31", reply="""
        There is some room, and Polderstroom has asked the same question. We have not
        studied it, and I do not want to start before the first phase has run for a while.
        Whether we fund a study with Polderstroom will be part of next year's planning. I
        expect to have an answer for you by the end of March 2027."""),
    follow_up(CFO, "rotterdam", """
        When will Polderstroom members see their first share of the profits, and roughly
        how much?""",
        who="member", heat=1, due="2027-06-30", reply="""
        After the first full year of operation, so in 2027, once the joint company's
        first-year accounts are approved. I will not give an amount now: it depends on
        prices nobody can predict and on a start date that is not fixed yet. I will come
        back with the actual figure when those accounts are approved, by the end of June
        2027."""),
    follow_up(CFO, "results", """
        You said we would know more about the 2027 profit after the third quarter. Will you
        come back here with that?""",
        who="investor", due="2026-11-30", reply="""
        Yes. The third-quarter numbers close at the end of October, and I will update the
        profit date here by the end of November, with its three parts: the range, what it
        depends on, and when we will know more."""),
    follow_up(CFO, "pricing balance", """
        Will you tell us in good time whether Balance prices change in 2027?""",
        who="customer", due="2026-11-30", reply="""
        Yes. Any change for 2027 would be announced here at least six weeks before it
        applies. Whether there is one depends mostly on our market data contracts, which
        renew in October. I will answer here by the end of November, including if the
        answer is "no change"."""),
    follow_up(CTO, "balance", """
        Will you publish the results of an independent security test of Balance?""",
        who="customer", due="2027-01-31", reply="""
        Balance has been certified to ISO 27001 since 2023. What several customers have
        asked for is more than that: a public summary of an independent penetration test.
        We have commissioned one for the autumn. I will publish the summary, including what
        the testers found and what we fixed, by the end of January 2027."""),
    follow_up(CEO, "pay culture", """
        Parental leave is better in Spain for some things and better in the Netherlands for
        others. Will you bring both up to the best of the two?""",
        heat=1, due="2027-03-31", reply="""
        We have compared them, and you are right that each is better in a different way.
        Bringing both up to the best of each would cost about €0.9 million a year. I want to
        do it, and it is in our proposal for the 2027 budget. I will tell you what was
        decided by the end of March 2027."""),
    follow_up(CFO, "pay strategy", """
        Any chance of an employee share plan? Many of us would like to own a piece of
        this.""",
        heat=1, due="2027-06-30", reply="""
        It is a fair ask, and I would like it too, but a share plan for a private company in
        two countries with different tax rules is complicated. We are studying a plan that
        would start once we are profitable, so that nobody is asked to buy into a loss. I
        will come back with a yes or no, and the design if it is yes, by the end of June
        2027."""),
    follow_up(CTO, "rotterdam safety", """
        Will you publish the results of the first emergency exercise at the Maasvlakte with
        the port fire service?""",
        who="member", due="2026-12-31", reply="""
        Yes. The first full exercise is planned for the autumn, once the site is running.
        We will publish what worked, what did not and what we changed, by the end of the
        year."""),
    follow_up(CTO, "sustainability strategy", """
        Are you looking at sodium-ion batteries? They avoid lithium altogether.""",
        who="any", due="2027-06-30", reply="""
        We are watching them closely and have asked two suppliers for test modules.
        Sodium-ion cells are now made at scale for cars, but nobody has years of data yet on
        how they age in daily grid cycling. We plan a small test installation in 2027 and
        will report what we learn by mid-2027, even if it is "not yet"."""),
    follow_up(CFO, "sustainability culture", """
        Can we have more chargers for electric cars at the Valencia office? Twelve chargers
        for 400 people is not enough.""",
        due="2026-12-31", reply="""
        Agreed: twelve is not enough. The building's owner has to approve more, because it
        means new cabling to the car park, and they have asked for a technical study. We
        have paid for it, and it should be finished in September. I will tell you here by
        the end of the year how many chargers we are adding, and when."""),
    follow_up(CEO, "strategy", """
        Is building storage for private customers, like data centres, part of the
        strategy?""",
        who="investor", due="2027-01-31", reply="""
        Not as things stand: our sites are there to balance the grid everyone uses. We are
        working out whether a small share of a new site's capacity could be sold to a
        private customer without changing that. I will answer properly when the 2027 plan
        is set, by the end of January 2027."""),
    follow_up(CTO, "balance", """
        Will customers get any say in the Balance roadmap, for example through an advisory
        group?""",
        who="customer", due="2026-12-31", reply="""
        Yes, we are setting one up: eight customers, rotating every two years, with at
        least two cooperatives and two Dutch sites. The first meeting is planned for the
        autumn. I will publish the members, with their agreement, and the notes of the
        first meeting here by the end of the year."""),
    follow_up(CTO, "balance rotterdam", """
        The Dutch grid operator is changing how imbalance is settled. Will Balance be
        ready in time?""",
        who="customer", due="2027-03-31", reply="""
        That is the plan, but the final rules are not published yet. Four engineers are
        working on it, with a test environment that runs the draft rules. I will confirm
        here that we are ready, with the test results, by the end of March 2027, before the
        change is expected to apply."""),
    follow_up(CTO, "requena neighbours", """
        Will you measure the noise again in summer, when the fans work hardest?""",
        who="neighbour", due="2026-12-31", reply="""
        Yes. You are right that a winter measurement flatters us: the fans work hardest in
        July and August. We have asked the same acoustic firm to measure on three summer
        nights. I will publish the results by the end of the year and, if they are above 35
        dB, what we will do about it."""),
    follow_up(CEO, "jobs", """
        Is there a career path for field technicians beyond senior technician? Many of us
        hit the ceiling after five years.""",
        heat=1, due="2027-01-31", reply="""
        Not a good enough one, and that is a fair criticism. HR is designing two new levels
        for field roles, a lead technician and a specialist track, with pay bands attached.
        I want them in place for the 2027 promotion cycle, and I will publish the design
        here by the end of January 2027."""),
)


# --------------------------------------------------------------------------------------
# Declined: each reason names which of the rules on the "How we answer" page applies
# (one identifiable person, a live negotiation, someone else's information, the law or
# a safety rule, or "we do not know yet"), and says what we can share instead.

DECLINED = (
    declined(CEO, "pay", """
        Why not publish everyone's salary? Full transparency should include pay.""",
        heat=2, reply="""
        We will not publish individual salaries. Many colleagues did not agree to have
        their pay made public when they joined, and in a company of 900 a role and an office
        are often enough to identify someone. That is the first of our limits: nothing about
        one identifiable person.

        What we will publish, by May, is the salary band for every level in both countries,
        and the gap between men's and women's median pay at each level."""),
    declined(CEO, "jobs", """
        Why was the Murcia site lead let go in January? The official story doesn't add
        up.""",
        heat=1, reply="""
        I will not discuss why any individual colleague left, whether it was their choice or
        not. That protects them as much as us: they cannot answer here, and whatever I said
        would follow them to their next job. What I can say is that the site has an interim
        lead, and that the permanent role is one of the 13 open in Spain."""),
    declined(CTO, "jobs balance", """
        Is it true that someone in the operations room was disciplined after the November
        certificate incident?""",
        reply="""
        That is about one identifiable person, so I will not say whether anyone was or was
        not. What I can describe is the rule: after an incident we look for the process that
        failed. In November, a certificate renewal depended on a calendar reminder; it is
        now automated and monitored. Nobody is punished for an honest mistake made while
        following the process."""),
    declined(CFO, "jobs balance", """
        Why did the head of Balance sales leave so suddenly?""",
        reply="""
        Someone's reasons for leaving are theirs to tell, not ours, and I will not comment
        on an individual departure, here or in the corridor. The deputy covers the role
        until we hire a replacement, and no customer contract changes because of it."""),
    declined(CTO, "safety jobs", """
        How many sick days did the Requena night shift take after the thermal event?""",
        reply="""
        The night shift at Requena is four people. Any figure about their sick leave would
        be about their health, and anyone who knows the site could work out who it was
        about, so I will not publish it. Everyone on site that night was offered counselling
        through our occupational health service, and that offer stays open."""),
    declined(CTO, "safety requena", """
        Which technician fitted the connector that failed in R-41? Is that person still
        working on the site?""",
        who="neighbour", heat=1, reply="""
        I will not name the technician or say where they work now. The connector was fitted
        under a procedure that had no second check. The failure was the procedure's, which
        is why we changed it. Pointing at one person would also teach everyone else to hide
        mistakes, which is the opposite of what keeps a battery site safe."""),
    declined(CEO, "strategy requena", """
        Is it true we are about to sell most of Requena's capacity to a data centre?""", """
        Rumour says a data-centre company wants Requena. Can you confirm or deny?""", """
        Are we in talks with a tech company about Requena?""",
        heat=2, dupes=2, reply="""
        We are in a conversation with a potential customer about capacity, and I will not
        discuss the terms or the company while it is open. That is one of our reasons to
        decline: a live negotiation.

        Two things I can say. Requena exists to balance the grid, and any deal that stopped
        it doing that would have to clear a very high bar. And when it is decided, either
        way, I will explain the decision here."""),
    declined(CFO, "results", """
        What exactly are you negotiating with the banks for next year's covenants?""",
        who="investor", reply="""
        We are in the middle of that negotiation, and publishing our position would weaken
        it. It is a live negotiation, so I can tell you that it is happening, not what is
        on the table. When the new terms are signed, I will publish the covenants and our
        headroom against them, as I did for the test we moved to March."""),
    declined(CFO, "strategy", """
        How much are you paying for the land in Albacete, and to whom?""",
        who="any", reply="""
        Two of the land agreements are still being negotiated, and the landowners are
        private individuals, so this is both a live negotiation and someone else's
        information. Once the agreements are signed, I will publish the total cost of land
        for each site as part of its budget, without naming the owners."""),
    declined(CFO, "pricing balance", """
        What discount did the big Dutch customer who signed in December get? We want the
        same.""",
        who="customer", reply="""
        I will not discuss another customer's contract: their terms are theirs, as yours
        are yours. Every customer can have the same published discount, 4% for a five-year
        contract, and we do not give secret discounts for size. If you think your contract
        is worse than the published terms, ask your account manager to show you the
        comparison line by line."""),
    declined(CFO, "rotterdam", """
        What is the fixed annual fee Tidewater charges the joint company for operating the
        Maasvlakte?""",
        who="member", reply="""
        The fee is in the joint company's agreement, which Polderstroom and we agreed to
        keep confidential until we finish negotiating the grid services contract that
        depends on it. It will be in the joint company's first annual accounts, which
        Polderstroom shares with its members, and I will point to it here when they are
        published."""),
    declined(CTO, "rotterdam", """
        Can you publish the Maasvlakte grid connection agreement?""",
        who="member", reply="""
        The agreement belongs to the grid operator as much as to us, and it contains
        details of their network that they treat as security-sensitive. So it is someone
        else's information, and partly a security matter. What I can publish is what matters
        to most readers: the connection capacity, 60 MW, the scheduled date, and the
        conditions that could move it."""),
    declined(CFO, "balance", """
        Which four customers left Balance after the September 2024 outage?""",
        who="any", reply="""
        Our customers trust us with how their sites run, and whether someone is or was a
        customer is theirs to share, so I will not name them. All four told us the outage
        was their reason, and I described what we changed in our 2024 results."""),
    declined(CEO, "rotterdam", """
        How much do Polderstroom's board members get paid out of the joint company?""",
        who="member", reply="""
        Polderstroom's board is Polderstroom's to explain, and its members can ask it
        directly at their assembly; I will not speak for another organisation. The one fact
        that is ours to give: the joint company pays its own board members nothing, from
        either side."""),
    declined(CTO, "balance", """
        Can you publish how much each Balance site earned per megawatt last year, so we
        can compare ourselves?""",
        who="customer", reply="""
        Each site's revenue belongs to its owner, and many owners compete with each other,
        so we will not publish it site by site. We are working on an anonymous benchmark, a
        range per region and size, that every customer will see in the portal without any
        site being identifiable. I will announce it here when it is ready."""),
    declined(CFO, "pricing", """
        What price per kWh do you pay for your cells?""",
        who="investor", reply="""
        Our supply contracts forbid us to disclose prices, and our suppliers' prices are
        their commercial information, so this is someone else's information. The total
        battery cost of each site is in its budget: for the Maasvlakte, batteries and
        inverters are about €46 million of the €74 million."""),
    declined(CFO, "balance results", """
        Which two Balance customers delayed their sites in 2025?""",
        who="investor", reply="""
        Their project timelines are their information. I described the effect on our
        numbers in my post on the hard quarter: two large customers started late, so our
        software had nothing to run until October. Both are now live, and both are welcome
        to tell their own story."""),
    declined(CTO, "safety", """
        Where are the cameras and fences at Requena? A neighbour says there are blind
        spots.""",
        who="neighbour", reply="""
        We do not publish the security layout of any site, because it would help exactly
        the people it is meant to stop. That is one of our reasons to decline: a safety
        rule. If you have seen something that looks like a weak point, tell the site lead
        directly, or write to us privately through the form, and we will look at it the same
        week."""),
    declined(CTO, "safety jobs", """
        What did the labour inspectorate find about the injury at Murcia last year?""",
        reply="""
        The inspectorate's file is still open, and we are not allowed to comment on an open
        file: this falls under the law-and-safety reason to decline. When it closes, we
        will publish what the inspectorate found and what we changed, as we did for
        Requena."""),
    declined(CTO, "balance", """
        Can you publish Balance's architecture, including how it authenticates to the
        sites, so that outsiders can review it?""",
        who="any", reply="""
        Not in that detail. How Balance authenticates to the batteries it controls is
        exactly what an attacker would want to know, and those batteries are connected to a
        public grid. We do have outsiders review it: an independent firm tests it every
        year, and every customer receives the summary."""),
    declined(CFO, "results", """
        Can you share preliminary first-quarter numbers before they are published?""",
        who="investor", heat=1, reply="""
        No, and the reason is legal, not a preference: our bonds are listed, and we must
        give information that could affect their price to all bondholders at the same
        time. Sharing it early with some readers would break that rule. The first-quarter
        numbers will be published at the end of April."""),
    declined(CFO, "results", """
        Will the audit change the €14.8 million loss? Is there anything you already know
        will move?""",
        who="investor", reply="""
        We do not know yet. The audit is under way, and I will not guess at its result in
        public before the auditors have finished. What I promised stands: anything that
        moves by more than 1% will be corrected here, with a date. The audit should be
        finished by the end of April."""),
    declined(CFO, "results", """
        What do you think Spanish balancing prices will be in 2027, in euros per
        megawatt?""",
        who="investor", reply="""
        I do not know, and neither does anyone else with any certainty. A number from me
        here would sound like a forecast you could plan on, and it would not be one. Our
        plan assumes today's prices, not a recovery. If you want our view of the direction
        rather than a number, it is in my answer on why prices keep falling."""),
    declined(CTO, "safety", """
        Is your safety record better than your competitors'? Some of them have had fires
        too.""",
        who="any", reply="""
        I will not comment on other companies' incidents: that is their information, and I
        do not know the details of their investigations. Ours are all published. Comparing
        safety records fairly needs the same definitions for everyone, and there is no such
        standard for battery sites yet; we are pushing the industry association to create
        one."""),
    declined(CEO, "culture", """
        Who submitted the question about layoffs? Our manager wants to know which team is
        worried.""",
        heat=1, reply="""
        No. We never share who asked a question, with anyone, including managers and
        including the three of us: that is a promise on our "How we answer" page. If a
        manager wants to know whether their team is worried, the way to find out is to ask
        the team."""),
    declined(CEO, "requena neighbours", """
        What was the settlement with the Requena neighbour who went to court over the
        noise?""",
        who="neighbour", reply="""
        The settlement is confidential at the request of the neighbour involved, and it
        concerns one identifiable person, so I will not share its terms. What I can say is
        that the noise was our fault, that we fixed it, and that no settlement stops anyone
        from speaking about the site."""),
    declined(CFO, "pay", """
        A competitor has offered me more money. Will you match it?""",
        reply="""
        I cannot discuss one person's pay here, including yours, and an answer here would
        become a public price for everyone. Please take it to your manager and HR, who can
        look at it properly against your band and your role. If the answer you get seems
        unfair, you can bring it to me directly, not in public."""),
    declined(CFO, "strategy", """
        What returns do your largest shareholders expect from their investment?""",
        who="investor", reply="""
        Their expectations are theirs to share, not ours: they are private investors and
        have not agreed to publish them. Their names are in the public company register.
        What I can tell you is what they have asked of us: no dividends until we are
        profitable, and they have not asked for any."""),
    declined(CTO, "safety requena", """
        What did the independent laboratory find about the cell supplier's
        manufacturing?""",
        who="any", reply="""
        The laboratory report includes details of the supplier's manufacturing that they
        shared with us in confidence, so it is someone else's information. The conclusion
        is public: the cause was the connector, and the report found no defect in the cells
        themselves. The full report has gone to the regional authorities, and the
        neighbours' association's technical adviser can read it under the same
        confidentiality."""),
    declined(CEO, "culture", """
        Can you publish each team's engagement survey score?""",
        reply="""
        Not by team. Several teams have fewer than ten people, and their scores would make
        it easy to guess who said what in a survey we promised was anonymous. We publish the
        company-wide results, and the results by office and by function, where each group
        has at least 25 people."""),
)


# --------------------------------------------------------------------------------------
# Pending: not answered yet. Some of them are among the most voted questions, which is
# exactly what the scorecard is for.

PENDING = (
    pending("strategy results", """
        Why does the board keep the same leadership after a €14.8 million loss? In any
        other company someone would be accountable.""", """
        Has the board considered whether the leadership team should change after two years
        of losses?""", """
        Who, concretely, is accountable for the 2025 loss?""",
        heat=3, dupes=2),
    pending("pay rotterdam", """
        Why are Dutch salaries higher than Spanish salaries for the same job?""", """
        An engineer in Rotterdam earns much more than one in Valencia for the same role.
        How is that fair?""", """
        Will the gap between the two offices for identical roles ever be closed?""",
        heat=2, dupes=2),
    pending("jobs", """
        When will the internal mobility policy be written down? Right now it depends on
        which manager you ask."""),
    pending("culture rotterdam", """
        Why do Rotterdam colleagues get a bike allowance and Valencia colleagues
        don't?"""),
    pending("balance", """
        Can Balance run co-located solar and storage behind one connection point?""",
        who="customer"),
    pending("balance", """
        Is there a plan for a mobile app for Balance alerts? E-mail alerts at night get
        missed.""",
        who="customer"),
    pending("neighbours requena", """
        Will the community fund committee publish its minutes online?""",
        who="neighbour"),
    pending("results", """
        What EBITDA margin do you expect in 2026?""",
        who="investor", heat=1),
    pending("safety", """
        Can field technicians get a second set of arc-flash clothing? We wash them more
        often than the schedule assumes."""),
    pending("pay", """
        Will the meal vouchers in Spain go up? They have not changed since 2022."""),
    pending("rotterdam", """
        Will members be able to visit the Maasvlakte site once it is running?""",
        who="member"),
    pending("remote-work", """
        Can the home-office equipment allowance be renewed after three years? My chair is
        falling apart."""),
    pending("pricing", """
        Do you plan a discount for customers with several sites under 20 MW each?""",
        who="customer"),
    pending("marea", """
        Are the screens built for Marea being reused anywhere, or was that work thrown
        away?"""),
    pending("strategy results", """
        How do you think about interest rates in the 2027 plan?""",
        who="investor"),
    pending("safety", """
        What happens at the site in a 44-degree heatwave? Are the batteries at risk?""",
        who="neighbour", heat=1),
    pending("jobs", """
        Are we going to use more contractors instead of hiring, now that budgets are
        tight?"""),
    pending("culture", """
        Why was the summer party cancelled last year, and is it back?"""),
    pending("balance rotterdam", """
        How quickly can Balance react to a frequency event in the Netherlands, compared
        with Spain?""",
        who="customer"),
    pending("sustainability", """
        Do you offset your office emissions, and if so, how?""",
        who="any"),
    pending("pay", """
        Will the on-call allowance in the Balance team be paid at the same rate as field
        technicians'?"""),
    pending("jobs", """
        How many of the 32 new roles have been filled so far?""",
        heat=2),
    pending("requena neighbours", """
        Is the site going to get bigger? There are surveyors on the land to the east.""",
        who="neighbour", heat=1),
    pending("rotterdam", """
        What happens if Polderstroom and Tidewater disagree? Who has the final word?""",
        who="member"),
    pending("results", """
        How much of your revenue is contracted, and how much is exposed to market
        prices?""",
        who="investor"),
    pending("culture", """
        Can we have proper onboarding for Dutch colleagues joining Valencia teams? Language
        is a real barrier."""),
    pending("balance", """
        Will Balance support the new Spanish capacity market when it starts?""",
        who="customer"),
    pending("safety", """
        Why do the Murcia containers still not show the camera feed on the on-call
        tablet?"""),
    pending("strategy", """
        Would you ever build a site in Portugal or Italy?""",
        who="any"),
    pending("remote-work", """
        Can we work from home by default on the day after a night on call?"""),
    pending("pay", """
        Why is the bonus paid in March and not in January?"""),
    pending("neighbours", """
        Could the site lights be switched off at night? They shine into our bedroom.""",
        who="neighbour", heat=1),
    pending("pricing", """
        If we end our contract early because we are selling our battery, what does it
        cost?""",
        who="customer"),
    pending("jobs", """
        Is the hiring bar lower now that we are hiring quickly again?"""),
    pending("strategy", """
        Why not build our own cells, or at least assemble modules in Spain?"""),
    pending("strategy balance", """
        Would you consider selling Balance as a separate company?""",
        who="investor"),
    pending("culture", """
        Why is the engagement survey only once a year?"""),
    pending("balance", """
        When will we retire the old dispatch code in Balance that nobody dares to
        touch?"""),
    pending("rotterdam sustainability", """
        Will the Maasvlakte site charge only from renewable power?""",
        who="member"),
    pending("pay rotterdam", """
        Spanish contracts pay 14 times a year; Dutch ones pay 12 plus holiday allowance.
        Can Dutch colleagues choose 14 payments?"""),
    pending("safety neighbours", """
        Do you test the sirens at the site? We never hear them.""",
        who="neighbour"),
    pending("jobs culture", """
        Are managers going to be trained on the new internal mobility rules?"""),
    pending("balance", """
        Why does the Balance cycle report arrive on the fifth working day of the month and
        not the first?""",
        who="customer"),
    pending("culture", """
        What happened to the idea of an internal newsletter in three languages?"""),
    pending("results", """
        What is the maintenance capex per megawatt per year for your sites?""",
        who="investor"),
    pending("safety", """
        Will the off-gas sensors be added to the older sites too, not only Requena and
        Murcia?""",
        heat=1),
    pending("strategy", """
        What do you think of the Spanish government's plans for storage auctions?""",
        who="any"),
    pending("marea", """
        Could the Marea model be open-sourced, since we are not using it?"""),
    pending("remote-work", """
        Is there any flexibility for parents during school holidays, beyond the 20 days
        abroad?"""),
    pending("balance", """
        Can we set a maximum number of cycles per day in Balance ourselves?""",
        who="customer"),
    pending("jobs", """
        Will the graduate programme include field roles, not only engineering?"""),
    pending("rotterdam safety", """
        How will the Maasvlakte site cope with ice and winter storms?""",
        who="member"),
    pending("pay", """
        When will the salary bands be updated for inflation?"""),
    pending("neighbours requena", """
        Why are there lorries at the site on Sunday mornings?""",
        who="neighbour"),
    pending("rotterdam results", """
        How sensitive is the Maasvlakte business case to Dutch imbalance prices?""",
        who="investor"),
    pending("culture", """
        Could the three of you hold a town hall in Murcia, not only in Valencia and
        Rotterdam?"""),
    pending("strategy results", """
        What is the plan if Spanish balancing prices fall another 15%?""",
        heat=2),
    pending("pricing", """
        Could you publish a price calculator, so we can compare options before calling
        sales?""",
        who="customer"),
    pending("safety", """
        How many near misses were reported in 2025, and is that number going up or
        down?""",
        heat=1),
    pending("sustainability", """
        What share of the electricity used in your offices is renewable?""",
        who="any"),
    pending("jobs", """
        Are there part-time contracts in the field teams? I would like to work four days
        after my parental leave."""),
    pending("balance", """
        Why is the Balance staging environment down every Monday morning?"""),
    pending("rotterdam jobs", """
        Will Polderstroom members get priority for jobs at the site?""",
        who="member"),
    pending("neighbours", """
        Could the community fund pay for a bus line into Requena town?""",
        who="neighbour"),
    pending("strategy", """
        Is hydrogen a threat to batteries, in your view?""",
        who="investor"),
    pending("culture", """
        Why do we still use three different chat tools?"""),
    pending("pay rotterdam", """
        Will overtime rules in the operations room be the same in both countries?"""),
    pending("balance", """
        Can Balance handle two different battery chemistries at one site?""",
        who="customer"),
    pending("jobs culture", """
        How are promotion decisions checked for bias?"""),
    pending("safety", """
        What is the plan for lone working at small sites at night?"""),
    pending("strategy", """
        Why are you not building in Germany, the biggest market in Europe?""",
        who="any"),
    pending("remote-work", """
        Are desk booking and fewer desks coming to Valencia?"""),
    pending("results", """
        Why did installation services revenue fall again in 2025?""",
        who="investor"),
    pending("safety neighbours", """
        Who do I call if I smell something strange near the site at night?""",
        who="neighbour"),
    pending("culture", """
        How do the three of you decide who answers which question here?"""),
    pending("balance", """
        Will Balance support batteries from other manufacturers, including the newer
        Chinese ones?""",
        who="customer"),
    pending("marea strategy", """
        Beyond the stop-condition document, has stopping Marea changed how you decide on
        projects in practice?"""),
    pending("rotterdam neighbours", """
        Will the site make noise? Some members live on Voorne, across the water.""",
        who="member"),
    pending("jobs", """
        Is there going to be a sabbatical policy?"""),
    pending("safety", """
        What training do local fire brigades get for battery fires?""",
        who="any"),
    pending("pay rotterdam", """
        Will the company match pension contributions for people who joined in Rotterdam
        after 2024?"""),
    pending("strategy", """
        Do you intend to pay a dividend once you are profitable?""",
        who="investor"),
    pending("culture jobs", """
        Women are 24% of our engineers. What are you doing about it?""",
        heat=2),
    pending("balance", """
        What is your plan if the Spanish grid operator changes the balancing market rules
        again?""",
        who="customer"),
    pending("rotterdam culture", """
        Is the Rotterdam office moving? We are already out of desks."""),
    pending("neighbours sustainability", """
        Could part of the site's land be used for a community solar project?""",
        who="neighbour"),
    pending("safety rotterdam", """
        When will the safety training be available in Dutch?"""),
    pending("jobs", """
        What happens to temporary contracts that end during 2026? Will they be made
        permanent?"""),
    pending("rotterdam results", """
        What did moving the Maasvlakte from March to June cost, in money?""",
        who="investor", heat=1),
    pending("strategy", """
        What is the plan for the oldest sites when their warranties run out?"""),
)


# --------------------------------------------------------------------------------------
# Removed by moderation. Only spam and off-topic questions keep their text in this file;
# for abuse and personal data the text is deleted and only the note remains. None keeps
# an asker's name.

REMOVED = (
    Removal("spam", "Advertising.", text="""
        Best prices on solar panels and inverters, wholesale only! Visit
        https://cheap-panels.example today."""),
    Removal("spam", "Investment scam.", text="""
        Earn 300% with energy tokens!!! Join our channel for daily signals."""),
    Removal("spam", "Advertising.", text="""
        SEO services for energy companies. First page of Google guaranteed."""),
    Removal("spam", "Advertising.", text="""
        Used LiFePO4 cells, grade A, huge stock. Message us for the price list."""),
    Removal("spam", "Link spam.", text="""
        Great post! More battery tips on my blog: https://battery-tips.example"""),
    Removal("spam", "Loan advertising.", text="""
        Need a loan? Fast approval, no checks, money in 24 hours."""),
    Removal("abuse", "Insults aimed at a named colleague in the operations room."),
    Removal("abuse", "Abusive language about another person asking questions here."),
    Removal("abuse", "Insults throughout; asker invited to ask again without them."),
    Removal("abuse", "Threat against site staff; passed to security."),
    Removal("personal-data", "Named a colleague and their health; asker invited to ask "
            "again."),
    Removal("personal-data", "Included a neighbour's home address."),
    Removal("personal-data", "Included a customer employee's full name and mobile "
            "number."),
    Removal("personal-data", "Named the technician involved in the Requena event."),
    Removal("personal-data", "Described a named colleague's performance review."),
    Removal("personal-data", "The asker's own contact details; invited to ask again "
            "without them."),
    Removal("off-topic", "Billing question; passed to customer support.", text="""
        My invoice for February charges us for two months. Who do I talk to?"""),
    Removal("off-topic", "Passed to facilities.", text="""
        Can someone fix the coffee machine on the third floor in Valencia? It has been
        broken for a week."""),
    Removal("off-topic", "Passed to the staff sports club.", text="""
        Who is organising the five-a-side football on Thursdays?"""),
    Removal("off-topic", "A job application; passed to recruitment.", text="""
        I applied for a technician job in January and have not heard back. Can you check
        my application?"""),
    Removal("off-topic", "Not a question for the company.", text="""
        Does anyone know a good plumber in Requena?"""),
)


# --------------------------------------------------------------------------------------
# Who asks: personas, their names, and the words people put around a question.

PERSONAS = ("staff", "customer", "neighbour", "investor", "member")
ANY_WEIGHTS = (5, 2, 3, 2, 1)  # what "any" turns out to be
ANONYMOUS = {"staff": 0.34, "customer": 0.12, "neighbour": 0.22, "investor": 0.2,
             "member": 0.12}
SPANISH = ("Marta", "Javier", "Carmen", "Pablo", "Elena", "Sergio", "Nuria", "Raúl",
           "Inés", "Álvaro", "Pilar", "Jordi", "Montse", "Vicent", "Amparo", "Xavier",
           "Rocío", "Iván", "Beatriz", "Andrés", "Sofía", "Diego", "Laura", "Óscar",
           "Teresa", "Rubén", "Irene", "Hugo", "Clara", "Rafa", "Mercedes", "Toni",
           "Lorena", "Joaquín", "Paula")
DUTCH = ("Joost", "Sanne", "Pieter", "Femke", "Bram", "Lotte", "Daan", "Anouk", "Thijs",
         "Eva", "Ruud", "Marloes", "Koen", "Ilse", "Sven", "Maaike", "Wouter", "Fleur",
         "Jeroen", "Noor", "Gert", "Lieke")
OTHER = ("Amir", "Fatima", "Ngozi", "Tomasz", "Priya", "Olu", "Mehmet", "Yasmin", "Wei",
         "Kasia", "James", "Claire", "Mateus", "Aisha", "Dimitri")
INITIALS = "ABCDEFGHJKLMNOPRSTVW"
NAME_POOLS = {  # persona → (pool, weight) pairs
    "staff": ((SPANISH, 55), (DUTCH, 25), (OTHER, 20)),
    "customer": ((SPANISH, 60), (DUTCH, 40)),
    "neighbour": ((SPANISH, 1),),
    "investor": ((OTHER, 50), (SPANISH, 25), (DUTCH, 25)),
    "member": ((DUTCH, 1),),
}
NAME_SUFFIX = {"neighbour": (0.2, " (Requena)"), "member": (0.35, " (Polderstroom)")}
OPENERS = {
    "staff": ("I work in Balance support in Rotterdam.", "Field technician at Murcia here.",
              "Operations room, Valencia.",
              "New joiner, so apologies if this was covered before.",
              "Asking on behalf of a few of us in finance.", "Site operations, Requena.",
              "Engineer in the Balance team here.",
              "Long-time employee, first time asking here.",
              "I'm in procurement in Valencia."),
    "customer": ("Balance customer since 2021.",
                 "Customer here, two sites in Castilla-La Mancha.",
                 "Asset manager for three storage sites in Andalusia.",
                 "Our cooperative's board asked me to put this to you."),
    "neighbour": ("I live in Requena.", "Neighbour of the Requena site here.",
                  "I farm the land next to the site.",
                  "Member of the neighbours' association, asking for myself."),
    "investor": ("Bondholder here.", "I analyse your bonds for a pension fund."),
    "member": ("Polderstroom member here.", "One of Polderstroom's 14,000 households.",
               "I sit on Polderstroom's members' council."),
}
CLOSERS = {
    "staff": ("Thanks for doing this.", "Thanks."),
    "customer": ("Thanks in advance.",),
    "neighbour": ("Thank you.", "Thank you for answering here."),
    "investor": ("Thank you.",),
    "member": ("Thanks!", "Dank je wel."),
}

# Asking times: more on the first days and around the live meetings, few at night.
DAY_WEIGHTS = (18, 12, 9, 8, 7, 3, 3, 6, 8, 6, 7, 5, 2, 2, 6)  # 2 to 16 March
HOUR_WEIGHTS = (1, 1, 0, 0, 0, 0, 1, 3, 6, 9, 10, 9, 7, 8, 7, 6, 6, 5, 5, 6, 8, 8, 6, 3)


# --------------------------------------------------------------------------------------
# Markdown text: the data above is hand-wrapped; the file gets paragraphs re-wrapped
# at a fixed width, never starting a line with something Markdown would read as a
# list, a heading or a quote.

LIST_ITEM = re.compile(r"^(?:[-*+]|\d+\.)\s")
# A word that would turn a wrapped line into a list item, heading, quote, rule or code.
RISKY_START = re.compile(r"^(?:[-*+=_]+$|[>#|`]|\d+[.)]$)")
WIDTH = 92  # the longest line in the file, indentation included


def flow(text: str) -> str:
    """Return ``text`` with one line per paragraph or list item (Markdown unchanged)."""
    blocks = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        lines: list[str] = []
        for line in (raw.strip() for raw in paragraph.splitlines()):
            if lines and not LIST_ITEM.match(line):
                lines[-1] += f" {line}"
            else:
                lines.append(line)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def wrap(line: str, width: int) -> list[str]:
    """Wrap one paragraph or list item; list items continue under their text."""
    item = LIST_ITEM.match(line)
    hang = " " * len(item.group(0)) if item else ""
    words = line.split(" ")
    lines = [words[0]]
    for word in words[1:]:
        head, _, previous = lines[-1].rpartition(" ")
        if len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += f" {word}"
        elif not RISKY_START.match(word):
            lines.append(hang + word)
        elif head.strip() and not RISKY_START.match(previous):
            lines[-1] = head  # carry the word before down with it
            lines.append(f"{hang}{previous} {word}")
        else:
            lines[-1] += f" {word}"
    return lines


def block(key: str, text: str, indent: int) -> list[str]:
    """Return ``key: |`` and ``text`` as a YAML literal block at ``indent``."""
    pad = " " * indent
    lines = [f"{pad}{key}: |"]
    for line in text.split("\n"):
        lines += [f"{pad}  {part}" if part else "" for part in wrap(line, WIDTH - indent - 2)]
    return lines


def scalar(value: str) -> str:
    """Return ``value`` as a one-line YAML scalar, quoted only when it must be."""
    dumped = yaml.safe_dump(value, allow_unicode=True, width=1 << 16)
    return dumped.removesuffix("\n...\n").rstrip("\n")


def stamp(moment: datetime) -> str:
    """Return ``moment`` as the files write it: YYYY-MM-DD HH:MM (Madrid time)."""
    return f"{moment:%Y-%m-%d %H:%M}"


# --------------------------------------------------------------------------------------
# The generator.


@dataclass
class Item:
    """One question of the generated file, before it gets its id."""

    asked_at: datetime
    order: int  # creation order, breaks ties between equal times
    status: str
    source: str
    votes: int
    text: str
    asked_by: str = ""
    topics: tuple[str, ...] = ()
    # (block name, by, at, due, text) for answered, declined and follow-up
    response: tuple[str, str, datetime, str, str] | None = None
    canonical: Item | None = None  # merged questions: the question they merge into
    removal: tuple[str, datetime, str] | None = None  # (reason, at, note)
    qid: str = field(default="", compare=False)


BLOCKS = {"answered": "answer", "declined": "decline", "follow-up": "follow_up"}


class Sampler:
    """Make every random choice, in a fixed order, from one seeded generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - sample data, not security
        self.items: list[Item] = []

    def persona(self, who: str) -> str:
        """Return the asker's persona; "any" becomes one of them."""
        if who != "any":
            return who
        return self.rng.choices(PERSONAS, weights=ANY_WEIGHTS)[0]

    def name(self, persona: str) -> str:
        """Return a display name such as "Marta G.", or "" for Anonymous."""
        rng = self.rng
        if rng.random() < ANONYMOUS[persona]:
            return ""
        pools = NAME_POOLS[persona]
        pool = rng.choices([p for p, _ in pools], weights=[w for _, w in pools])[0]
        name = f"{rng.choice(pool)} {rng.choice(INITIALS)}."
        chance, suffix = NAME_SUFFIX.get(persona, (0.0, ""))
        return name + suffix if rng.random() < chance else name

    def words(self, phrasing: str, persona: str, *, context: bool = True) -> str:
        """Return the question as this asker wrote it: sometimes with an opener or closer.

        ``context`` is False for questions anyone could ask ("any"): an opener saying who
        the asker is would not always fit them.
        """
        rng = self.rng
        text = flow(phrasing)
        short = len(text) < 130 and "\n" not in text
        if short and rng.random() < 0.28 and context:
            text = f"{rng.choice(OPENERS[persona])} {text}"
        if short and rng.random() < 0.14:
            text = f"{text} {rng.choice(CLOSERS[persona])}"
        return text

    def votes(self, heat: int) -> int:
        """Return a vote count: a few hundreds for the hottest, single digits for most."""
        rng = self.rng
        if heat >= 3:
            return rng.randint(180, 460)
        if heat == 2:
            return rng.randint(60, 170)
        if heat == 1:
            return rng.randint(12, 55)
        return min(int(rng.paretovariate(1.6)) - 1 + rng.randint(0, 3), 14)

    def asked_at(self, early: bool) -> datetime:
        """Return a moment inside the question window."""
        rng = self.rng
        if early and rng.random() < 0.75:
            day = rng.randrange(4)
        else:
            day = rng.choices(range(len(DAY_WEIGHTS)), weights=DAY_WEIGHTS)[0]
        hour = rng.choices(range(24), weights=HOUR_WEIGHTS)[0]
        moment = OPENS.replace(hour=hour, minute=rng.randrange(60)) + timedelta(days=day)
        if moment <= OPENS:
            moment = OPENS + timedelta(minutes=rng.randrange(1, 240))
        if moment >= CLOSES:
            moment = CLOSES - timedelta(minutes=rng.randrange(5, 300))
        return moment

    def live(self, persona: str, topics: tuple[str, ...]) -> datetime | None:
        """Return a moment in one of the live meetings, if this was asked in the room."""
        rng = self.rng
        chance = {"staff": 0.12, "member": 0.3}.get(persona, 0.0)
        if rng.random() >= chance:
            return None
        rotterdam = persona == "member" or "rotterdam" in topics or rng.random() < 0.35
        start = LIVE_ROTTERDAM if rotterdam else LIVE_VALENCIA
        return start + timedelta(minutes=rng.randrange(5, 88))

    def source(self) -> str:
        """Return how an online question arrived."""
        return self.rng.choices(("form", "email", "mastodon"), weights=(80, 13, 7))[0]

    def reply_at(self, asked: datetime, median_days: float) -> datetime:
        """Return a working-hours moment some days after ``asked``."""
        rng = self.rng
        days = round(rng.lognormvariate(math.log(median_days), 0.7))
        day = asked.date() + timedelta(days=max(1, min(days, 45)))
        while day.weekday() >= 5:
            day += timedelta(days=1)
        return self._on(day, rng.randrange(8, 20), rng.randrange(0, 60, 5))

    @staticmethod
    def _on(day: date, hour: int, minute: int) -> datetime:
        return _moment(f"{day.isoformat()} {hour:02d}:{minute:02d}")

    def add(self, item: Item) -> Item:
        """Keep ``item`` (numbered in creation order) and return it."""
        item.order = len(self.items)
        self.items.append(item)
        return item

    def concept(self, concept: Concept) -> None:
        """Add a concept's canonical question and its merged duplicates."""
        if len(concept.asks) <= concept.dupes:
            message = f"{concept.asks[0][:40]!r}: needs a phrasing for every duplicate"
            raise ValueError(message)
        persona = self.persona(concept.who)
        in_room = self.live(persona, concept.topics)
        asked = in_room or self.asked_at(early=concept.heat >= 2)
        canonical = self.add(Item(
            asked_at=asked, order=0, status=concept.status,
            source="town-hall" if in_room else self.source(),
            votes=self.votes(concept.heat),
            text=self.words(concept.asks[0], persona, context=concept.who != "any"),
            asked_by=self.name(persona), topics=concept.topics))
        if concept.status in BLOCKS:
            median = {"answered": 8.0, "declined": 5.0, "follow-up": 6.0}[concept.status]
            at = _moment(concept.at) if concept.at else self.reply_at(asked, median)
            canonical.response = (BLOCKS[concept.status], concept.by, at, concept.due,
                                  flow(concept.reply))
        for phrasing in concept.asks[1:concept.dupes + 1]:
            persona = self.persona(concept.who)
            room = int((CLOSES - asked).total_seconds() // 60)
            minutes = self.rng.randrange(180, 8 * 24 * 60)
            if minutes >= room:  # asked late: the duplicate still comes before closing
                minutes = max(1, int(room * self.rng.uniform(0.2, 0.9)))
            self.add(Item(
                asked_at=asked + timedelta(minutes=minutes), order=0, status="merged",
                source=self.source(), votes=self.votes(0),
                text=self.words(phrasing, persona, context=concept.who != "any"),
                asked_by=self.name(persona),
                topics=concept.topics, canonical=canonical))

    def removal(self, removal: Removal) -> None:
        """Add a removed question."""
        asked = self.asked_at(early=False)
        at = asked + timedelta(minutes=self.rng.randrange(10, 900))
        if at.hour < 8:  # moderators start at eight
            at = at.replace(hour=8, minute=self.rng.randrange(0, 60, 5))
        self.add(Item(asked_at=asked, order=0, status="removed", source="form",
                      votes=self.rng.randrange(3) if removal.reason != "spam" else 0,
                      text=flow(removal.text) if removal.text else "",
                      removal=(removal.reason, at, removal.note)))


def generate(seed: int = SEED) -> list[Item]:
    """Return every question of the session, in asking order, with its id."""
    sampler = Sampler(seed)
    for concept in (*ANSWERED, *FOLLOW_UPS, *DECLINED, *PENDING):
        sampler.concept(concept)
    for removal in REMOVED:
        sampler.removal(removal)
    items = sorted(sampler.items, key=lambda i: (i.asked_at, i.order))
    for number, item in enumerate(items, start=1):
        item.qid = f"{PREFIX}-{number:04d}"
    return items


def render(items: list[Item], post: str | None) -> str:
    """Return the YAML text of the session file."""
    out = [
        "# Sample data: Tidewater Grid's spring town hall, 2 to 16 March 2026.",
        "# Written by `python -m candor_tools.sample_qa`: change candor_tools/sample_qa.py",
        "# and run it again instead of editing this file. The format is in docs/qa.md.",
        "session:",
        f"  title: {scalar(TITLE)}",
        f"  hosts: [{', '.join(HOSTS)}]",
        f"  opens: {stamp(OPENS)}",
        f"  closes: {stamp(CLOSES)}",
    ]
    if post:
        out.append(f"  post: {scalar(post)}")
    out += block("description", flow(DESCRIPTION), 2)
    out.append("questions:")
    for number, item in enumerate(items):
        if number:
            out.append("")
        out += _question(item)
    out += _comments(items)
    return "\n".join(out) + "\n"


def _question(item: Item) -> list[str]:
    lines = [f"  - id: {item.qid}"]
    if item.asked_by:
        lines.append(f"    asked_by: {scalar(item.asked_by)}")
    lines += [f"    asked_at: {stamp(item.asked_at)}", f"    source: {item.source}",
              f"    votes: {item.votes}"]
    if item.topics:
        lines.append(f"    topics: [{', '.join(item.topics)}]")
    if item.text:
        lines += block("text", item.text, 4)
    lines.append(f"    status: {item.status}")
    if item.response is not None:
        name, by, at, due, text = item.response
        lines += [f"    {name}:", f"      by: {by}", f"      at: {stamp(at)}"]
        if due:
            lines.append(f"      due: {due}")
        lines += block("reason" if name == "decline" else "text", text, 6)
    if item.canonical is not None:
        lines.append(f"    merged_into: {item.canonical.qid}")
    if item.removal is not None:
        reason, at, note = item.removal
        lines += ["    removed:", f"      reason: {reason}", f"      at: {stamp(at)}",
                  f"      note: {scalar(note)}"]
    return lines


# Comments (no answer expected), after the questions so every reply_to names an entry
# above it: (id, reply_to, asked_by or "", executive slug or "", asked_at, votes, status,
# text). reply_to "top" is the most voted answered question.
COMMENTS = (
    ("spring-c01", "top", "Femke D.", "", "2026-03-13 09:10", 31, "published",
     "Thank you for a straight answer, with the date it depends on."),
    ("spring-c02", "spring-c01", "", "top", "2026-03-13 12:40", 0, "published",
     "Thank you, Femke. If that date moves, this answer changes the same day."),
    ("spring-c03", "", "Bram V.", "", "2026-03-12 16:45", 12, "published",
     ("We watched the Rotterdam live session from the control room. Best hour of the "
      "quarter.")),
    ("spring-c04", "spring-c03", "", CTO, "2026-03-12 18:05", 0, "published",
     "Thank you, Bram, and thanks to the night shift who stayed on for it."),
    ("spring-c05", "", "", "", "2026-03-14 22:30", 0, "off-topic", ""),
    ("spring-c06", "spring-c05", "Lotte K.", "", "2026-03-15 08:10", 2, "published",
     "The comment above was about an invoice; I hope customer service has it now."),
)


def _comments(items: list[Item]) -> list[str]:
    answered = [i for i in items if i.status == "answered" and i.response is not None]
    top = min(answered, key=lambda i: (-i.votes, i.qid))
    lines: list[str] = []
    for qid, reply_to, asked_by, by, at, votes, status, text in COMMENTS:
        lines += ["", f"  - id: {qid}", "    kind: comment"]
        if reply_to:
            lines.append(f"    reply_to: {top.qid if reply_to == 'top' else reply_to}")
        if by:
            lines.append(f"    by: {top.response[1] if by == 'top' and top.response else by}")
        elif asked_by:
            lines.append(f"    asked_by: {scalar(asked_by)}")
        lines += [f"    asked_at: {at}", "    source: form", f"    votes: {votes}"]
        if status == "published":
            lines += block("text", text, 4)
        else:
            lines += ["    status: removed", "    removed:", f"      reason: {status}",
                      "      note: A billing question, passed to customer service."]
    return lines


def linked_post() -> str | None:
    """Return the results post's path if the site has it (the session links to it)."""
    return LINKED_POST if (CONTENT / LINKED_POST).is_file() else None


def summary(items: list[Item]) -> str:
    """Return the count of each status, e.g. "105 answered, 24 follow-up, …"."""
    order = ("answered", "follow-up", "declined", "pending", "merged", "removed")
    counts = {status: sum(item.status == status for item in items) for status in order}
    return ", ".join(f"{counts[s]} {s}" for s in order)


def main(argv: list[str] | None = None) -> int:
    """Write the sample session, or with --check say whether the file is up to date."""
    parser = argparse.ArgumentParser(
        prog="python -m candor_tools.sample_qa",
        description="Write the sample town-hall session content/qa/spring-town-hall-2026.yml.")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if the file differs from what would "
                             "be written")
    parser.add_argument("--output", type=Path, default=OUTPUT,
                        help="where to write (default: %(default)s)")
    args = parser.parse_args(argv)
    items = generate()
    text = render(items, linked_post())
    shown = _shown(args.output)
    if args.check:
        current = args.output.read_bytes() if args.output.is_file() else None
        if current != text.encode("utf-8"):
            state = "is missing" if current is None else "is out of date"
            print(f"{shown}: {state}. Run `python -m candor_tools.sample_qa` to write it "
                  "again.", file=sys.stderr)
            return 1
        print(f"{shown}: up to date.")
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(text.encode("utf-8"))
    print(f"Wrote {shown}: {len(items)} questions ({summary(items)}) and "
          f"{len(COMMENTS)} comments.")
    return 0


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    raise SystemExit(main())
