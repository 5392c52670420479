package org.civicassist.nlp.intent;

/**
 * Which part of a service a question asks about. Guides name their sections freely; the knowledge base maps each
 * aspect to the section headings that answer it.
 */
public enum Aspect {
    OVERVIEW,
    ELIGIBILITY,
    CONDITIONS,
    MATERIALS,
    PROCESS,
    ONLINE,
    TIME_LIMIT,
    FEES,
    PLACE_AND_HOURS,
    CONTACT,
    /** How far an application has got (进度): answered by the FAQs on looking it up, or by the process section. */
    PROGRESS
}
