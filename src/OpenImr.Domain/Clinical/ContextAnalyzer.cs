namespace OpenImr.Domain.Clinical;

/// <summary>The role of a ConText trigger term.</summary>
internal enum TriggerType
{
    /// <summary>Matches a phrase that looks like a trigger but is not ("no change", "not only").</summary>
    Pseudo,

    /// <summary>Ends every scope except the review-process one ("which", "secondary to", ";").</summary>
    Terminator,

    /// <summary>Ends every scope, the review-process one too ("but", "however", "although").</summary>
    StrongTerminator,
    PreNegation,
    PostNegation,

    /// <summary>Negates in both directions ("negative", "absent", "unclear").</summary>
    Negation,
    PreUncertain,
    PostUncertain,
    PreHypothetical,
    PostHypothetical,
    PreHistorical,
    PreOtherPerson,

    /// <summary>
    /// Marks its whole clause, both directions up to a strong terminator, as about the review process:
    /// "The request for venlafaxine was denied due to there is no documentation of depressive symptoms
    /// for which the antidepressant is medically indicated" is the reviewer's reasoning throughout.
    /// </summary>
    ReviewProcess,
}

/// <summary>
/// Negation, uncertainty, hypothetical, historical, other-person and review-process status of a
/// mention, after NegEx (Chapman et al., 2001) and ConText (Harkema et al., 2009): trigger terms
/// open a scope forward (pre-triggers) or backward (post-triggers) for a bounded number of words;
/// a terminator or the sentence end closes it. Every check looks at a bounded window, so analysing
/// a sentence is linear in its length.
/// </summary>
internal sealed class ContextAnalyzer
{
    // Source: NegEx uses a five-word window; ConText scopes to the sentence end. Eight words covers
    // corpus phrasing like "There was no mention of whether the applicant had a job to return to".
    private const int PreWindow = 8;
    private const int PostWindow = 5;

    // Plans list several items ("The treatment plan consisted of chiropractic treatment, an
    // electrodiagnostic study, an MRI of the cervical spine, an MRI of the lumbar spine"), so a
    // hypothetical trigger reaches further, as ConText's scope to the end of the clause does.
    private const int HypotheticalWindow = 24;

    private static readonly PhraseLexicon<TriggerType> Triggers = BuildTriggers();

    private readonly List<Token> _tokens;
    private readonly TriggerType?[] _startsAt;
    private readonly int[] _triggerEnd;
    private readonly int[] _clause;
    private readonly int[] _reviewScope;
    private readonly HashSet<int> _reviewScopes = [];

    /// <summary>Finds the triggers of one sentence. Tokens inside <paramref name="conceptSpans"/> are not read as triggers.</summary>
    public ContextAnalyzer(List<Token> tokens, IReadOnlyList<(int Index, int Length)> conceptSpans)
    {
        _tokens = tokens;
        _startsAt = new TriggerType?[tokens.Count];
        _triggerEnd = new int[tokens.Count];
        _clause = new int[tokens.Count];
        _reviewScope = new int[tokens.Count];
        var insideConcept = new bool[tokens.Count];
        foreach (var (index, length) in conceptSpans)
        {
            for (var k = index; k < index + length && k < tokens.Count; k++)
            {
                insideConcept[k] = true;
            }
        }

        var clause = 0;
        var scope = 0;
        var i = 0;
        while (i < tokens.Count)
        {
            if (Triggers.TryMatch(tokens, i, out var length, out var type) && !Overlaps(insideConcept, i, length, type))
            {
                if (type is TriggerType.Terminator or TriggerType.StrongTerminator)
                {
                    clause++;
                }

                if (type == TriggerType.StrongTerminator)
                {
                    scope++;
                }

                for (var k = i; k < i + length; k++)
                {
                    _clause[k] = clause;
                    _reviewScope[k] = scope;
                }

                if (type == TriggerType.ReviewProcess)
                {
                    _reviewScopes.Add(scope);
                }
                else if (type is not (TriggerType.Pseudo or TriggerType.Terminator or TriggerType.StrongTerminator))
                {
                    _startsAt[i] = type;
                    _triggerEnd[i] = i + length;
                }

                i += length;
            }
            else
            {
                _clause[i] = clause;
                _reviewScope[i] = scope;
                i++;
            }
        }
    }

    /// <summary>The status of the mention covering tokens [<paramref name="index"/>, index + length).</summary>
    public FactStatus StatusOf(int index, int length, bool isPlan = false)
    {
        if (_tokens.Count == 0)
        {
            return FactStatus.Affirmed;
        }

        index = Math.Clamp(index, 0, _tokens.Count - 1);
        var end = Math.Clamp(index + Math.Max(length, 1), index + 1, _tokens.Count);
        var clause = _clause[index];
        if (_reviewScopes.Contains(_reviewScope[index]) || _reviewScopes.Contains(_reviewScope[end - 1]))
        {
            return FactStatus.NotAboutPatient;
        }

        var negated = false;
        var hypothetical = false;
        var uncertain = false;
        var historical = false;
        var other = false;

        // Pre-triggers: a trigger that ends within the window before the mention, in the same clause.
        for (var k = index - 1; k >= 0 && k >= index - HypotheticalWindow - 4; k--)
        {
            if (_clause[k] != clause)
            {
                break;
            }

            if (_startsAt[k] is { } type && _triggerEnd[k] <= index
                && index - _triggerEnd[k] <= (type == TriggerType.PreHypothetical ? HypotheticalWindow : PreWindow))
            {
                switch (type)
                {
                    case TriggerType.PreNegation or TriggerType.Negation:
                        negated = true;
                        break;
                    case TriggerType.PreUncertain:
                        uncertain = true;
                        break;
                    case TriggerType.PreHypothetical:
                        hypothetical = true;
                        break;
                    case TriggerType.PreHistorical:
                        historical = true;
                        break;
                    case TriggerType.PreOtherPerson:
                        other = true;
                        break;
                    default:
                        break;
                }
            }
        }

        // Post-triggers: a trigger that starts within the window after the mention, in the same clause.
        for (var k = end; k < _tokens.Count && k < end + PostWindow; k++)
        {
            if (_clause[k] != _clause[end - 1])
            {
                break;
            }

            switch (_startsAt[k])
            {
                case TriggerType.PostNegation or TriggerType.Negation:
                    negated = true;
                    break;
                case TriggerType.PostUncertain:
                    uncertain = true;
                    break;
                case TriggerType.PostHypothetical:
                    hypothetical = true;
                    break;
                default:
                    break;
            }
        }

        if (other)
        {
            return FactStatus.OtherPerson;
        }

        if (negated)
        {
            return FactStatus.Negated;
        }

        if (!isPlan && hypothetical)
        {
            return FactStatus.Hypothetical;
        }

        if (!isPlan && uncertain)
        {
            return FactStatus.Uncertain;
        }

        return historical ? FactStatus.Historical : FactStatus.Affirmed;
    }

    private static bool Overlaps(bool[] insideConcept, int index, int length, TriggerType type)
    {
        // Terminators still count inside a concept phrase ("despite conservative care").
        if (type is TriggerType.Terminator or TriggerType.StrongTerminator)
        {
            return false;
        }

        for (var k = index; k < index + length; k++)
        {
            if (insideConcept[k])
            {
                return true;
            }
        }

        return false;
    }

    private static PhraseLexicon<TriggerType> BuildTriggers()
    {
        var t = new PhraseLexicon<TriggerType>();
        t.AddAll(TriggerType.Pseudo,
            "no change", "no significant change", "not only", "no increase", "not necessarily", "without difficulty",
            "not certain whether", "no further", "gram negative", "not extend", "not cause", "not drain",
            "no interval change", "did not go", "failed to show up", "without contrast", "with and without contrast",
            "with or without contrast", "without dye", "without gadolinium");
        t.AddAll(TriggerType.StrongTerminator, "but", "however", "although", "though", "yet", "except", "aside from", "apart from", "whereas", "while");
        t.AddAll(TriggerType.Terminator,
            Tokenizer.ScopeBreak, "which", "other than", "secondary to", "cause of", "source of", "etiology of", "despite",
            "and has", "and had", "and is", "and was", "and reports", "and reported", "and states", "and stated", "who");
        t.AddAll(TriggerType.PreNegation,
            "no", "not", "without", "denies", "denied", "deny", "negative for", "absence of",
            "free of", "never", "neither", "nor", "none", "no evidence of", "no mention of", "no documentation of",
            "no clear documentation of", "did not", "does not", "do not", "has not", "have not", "had not", "was not",
            "were not", "is not", "are not", "cannot", "can not", "unable to", "fails to", "failed to", "lack of",
            "lacked", "lacking", "lacks", "no sign of", "no signs of", "rules out", "did not report", "did not demonstrate", "did not have", "not clearly", "nothing",
            "little to no", "no longer", "not been", "there was no", "there were no", "there is no", "failure of",
            "failure to", "did not receive", "did not undergo", "has yet to", "not yet", "no objective", "non",
            "minimal", "minimal to no", "negligible", "no significant", "no meaningful", "no appreciable");
        foreach (var phrase in new[] { "not documented", "not outlined", "not clearly outlined", "not specified", "not stated", "not reported",
            "not provided", "not noted", "not evident", "not mentioned", "not described", "not appreciated", "not detailed", "not identified",
            "not present", "not found", "not clear", "not established", "not demonstrated", "not attached", "not clearly stated",
            "not clearly documented", "not furnished", "not included", "not indicated", "not clearly detailed", "not clearly described",
            "not well documented", "not clearly established", "not quantified", "not clearly reported", "not discussed", "not elaborated" })
        {
            // Both directions: "Functional improvement was not documented", "It was not clearly stated whether the applicant was working".
            t.Add(phrase, TriggerType.Negation);
            foreach (var verb in new[] { "was", "were", "is", "are", "has been", "have been", "had been", "it was", "it is" })
            {
                t.Add(verb + " " + phrase, TriggerType.Negation);
            }
        }

        t.AddAll(TriggerType.PostNegation,
            "not seen", "were not seen", "was not seen", "was negative", "were negative", "is negative", "are negative",
            "was unclear", "is unclear", "was absent", "were absent", "had resolved", "has resolved");
        t.AddAll(TriggerType.Negation, "negative", "absent", "resolved", "ruled out", "not documented", "unclear", "unknown");
        t.AddAll(TriggerType.PreUncertain,
            "possible", "possibly", "probable", "probably", "may", "might", "could", "questionable", "suspected",
            "suspicion of", "suspicious for", "rule out", "r o", "consider", "considering", "considered", "cannot exclude",
            "cannot rule out", "differential", "question of", "perhaps", "likely", "unlikely", "appears to", "seems");
        t.AddAll(TriggerType.PostUncertain, "was suspected", "is suspected", "is possible", "was possible", "is questionable", "unlikely");
        t.AddAll(TriggerType.PreHypothetical,
            "would like to try", "would like to", "would like", "wants to try", "to try", "plan", "plans", "planned",
            "plan of care", "plan included", "treatment plan", "recommend", "recommended", "recommends", "recommendation",
            "recommendation for", "request", "requested", "requesting", "requests", "request for", "appeal",
            "appealed", "proposed", "propose", "will", "would", "should", "if", "in case", "ordered", "order for",
            "refer", "referral", "referral to", "referred", "pending", "scheduled", "awaiting", "to begin", "to start",
            "to undergo", "to continue", "continuation of", "continue", "additional", "future",
            "intends to", "intend to", "is to", "hopes to", "goal", "candidate for", "trial of", "considering");
        t.AddAll(TriggerType.PostHypothetical,
            "was requested", "were requested", "is requested", "was recommended", "were recommended", "is recommended",
            "was ordered", "were ordered", "was planned", "is planned", "was scheduled", "were scheduled", "is scheduled",
            "was proposed", "is pending", "was pending", "is being requested", "was sought",
            "was endorsed", "are requested", "was suggested");
        t.AddAll(TriggerType.PreHistorical,
            "history of", "past medical history", "past history of", "previously", "previous", "prior", "in the past",
            "historically", "formerly", "had undergone", "remote");
        t.AddAll(TriggerType.PreOtherPerson,
            "family history", "family history of", "mother", "father", "sister", "brother", "son", "daughter",
            "grandmother", "grandfather", "aunt", "uncle", "sibling", "siblings", "cousin", "coworker", "co worker");
        t.AddAll(TriggerType.ReviewProcess,
            "utilization review", "utilization reviewer", "ur", "ur reviewer", "claims administrator", "claims adjuster",
            "adjuster", "carrier", "insurer", "non certified", "noncertified", "non certify", "non certification",
            "noncertification", "not certified", "certified", "certification", "authorized", "authorization",
            "authorize", "unauthorized", "approved", "approve", "approval", "modified", "partially certified",
            "prior determination", "previous determination", "determination", "denied the request", "was denied",
            "were denied", "been denied", "previously denied", "denial", "denied by", "reviewer", "peer review",
            "imr", "independent medical review", "request for authorization", "rfa", "rfas", "failed to approve", "partially approved",
            "review denied", "review report", "the request was", "the requests were", "the request for", "original request",
            "eligible portion", "medically necessary", "medical necessity", "previously deemed", "this request", "non certifying", "non certifies", "certify", "denying", "denies the request", "upheld", "overturned");
        return t;
    }
}
