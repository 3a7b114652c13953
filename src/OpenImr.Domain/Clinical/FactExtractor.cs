using System.Globalization;

namespace OpenImr.Domain.Clinical;

/// <summary>
/// Reads <see cref="ClinicalFact"/>s out of one clinical document. The text is normalised
/// (<see cref="NormalizedText"/>), split into sentences, and each sentence is tokenised, matched
/// against the lexicons and analysed for negation and attribution. Every step is a bounded scan,
/// so extraction is linear in the document's length; it never throws on any input.
/// </summary>
public static class FactExtractor
{
    private const int CarryOverSentences = 3;

    private static readonly HashSet<string> TherapyKinds =
    [
        FactKinds.TreatmentPhysicalTherapy, FactKinds.TreatmentChiropractic, FactKinds.TreatmentAcupuncture,
        FactKinds.TreatmentOccupationalTherapy, FactKinds.TreatmentWorkConditioning, FactKinds.TreatmentFunctionalRestoration,
    ];

    private static readonly HashSet<string> DatedKinds =
    [
        FactKinds.TreatmentInjection, FactKinds.TreatmentSurgery, FactKinds.ImagingPrior, FactKinds.ElectrodiagnosticPrior,
        FactKinds.DiagnosisPostoperative, FactKinds.MedicationUrineDrugScreen, FactKinds.MedicationCures, FactKinds.MedicationPainAgreement,
        FactKinds.TreatmentPhysicalTherapy, FactKinds.TreatmentChiropractic, FactKinds.TreatmentAcupuncture, FactKinds.TreatmentOccupationalTherapy,
    ];

    private static readonly HashSet<string> SessionUnits = new(StringComparer.Ordinal)
    {
        "session", "sessions", "visit", "visits", "treatment", "treatments",
    };

    // Words that may stand between a number and "sessions": "9 aquatic therapy sessions", "5 further chiropractic visits".
    private static readonly HashSet<string> SessionModifiers = new(StringComparer.Ordinal)
    {
        "physical", "therapy", "pt", "chiropractic", "chiro", "acupuncture", "occupational", "ot", "aquatic", "work", "conditioning",
        "hardening", "physiotherapy", "manipulation", "massage", "hand", "additional", "more", "prior", "previous", "completed",
        "total", "authorized", "approved", "postoperative", "post", "op", "of", "functional", "restoration", "program", "therapeutic",
        "exercise", "rehabilitation", "rehab", "treatment", "therapies", "electroacupuncture", "electro", "office", "follow", "up",
    };

    // How far after "despite" or "after" the care it names may stand.
    private const int CareWindow = 8;

    // Words saying a complaint outlasted something: "persistent pain after therapy".
    private static readonly HashSet<string> PersistenceWords = new(StringComparer.Ordinal)
    {
        "persistent", "persists", "persisted", "persisting", "continued", "continues", "continuing", "ongoing", "residual", "still", "remains", "remained",
    };

    // Words naming a complaint, and how far before it a word saying it lasts on may stand ("lasting pain in the left hip").
    private static readonly HashSet<string> ComplaintWords = new(StringComparer.Ordinal)
    {
        "pain", "symptoms", "complaints", "discomfort", "numbness", "stiffness", "tingling", "weakness", "issues", "problems", "headache", "headaches", "ache", "aches", "soreness",
    };

    private const int ComplaintWindow = 4;

    // The care whose failure "despite ..." can state.
    private static readonly HashSet<string> CareKinds =
    [
        FactKinds.TreatmentPhysicalTherapy, FactKinds.TreatmentChiropractic, FactKinds.TreatmentAcupuncture, FactKinds.TreatmentOccupationalTherapy,
        FactKinds.TreatmentHomeExercise, FactKinds.TreatmentTens, FactKinds.TreatmentConservativeCare, FactKinds.TreatmentMedication, FactKinds.TreatmentInjection,
    ];

    // Qualifiers that make a stated gain too small to count.
    private static readonly HashSet<string> SlightWords = new(StringComparer.Ordinal)
    {
        "minimal", "minimally", "slight", "slightly", "little", "marginal", "marginally", "negligible",
    };

    private static readonly HashSet<string> SexWords = new(StringComparer.Ordinal)
    {
        "male", "female", "man", "woman", "gentleman", "lady", "boy", "girl",
    };

    /// <summary>All facts of one document, in text order.</summary>
    /// <param name="text">The document text as given; evidence offsets index into it.</param>
    /// <param name="document">The document's index in the case, copied into <see cref="Evidence.Document"/>.</param>
    /// <param name="asOf">The date "now" is, for durations stated as "since".</param>
    public static IReadOnlyList<ClinicalFact> Extract(string? text, int document, DateOnly asOf)
    {
        var facts = new List<ClinicalFact>();
        var normalized = NormalizedText.Create(text);
        var sentences = SentenceSplitter.Split(normalized.Text);
        var sections = DocumentSections.Find(normalized.Original);
        string? lastTherapy = null;
        var lastTherapySentence = int.MinValue / 2;
        for (var s = 0; s < sentences.Count; s++)
        {
            var before = facts.Count;
            var sentence = new SentenceReader(normalized, sentences[s].Start, sentences[s].End, document, asOf, facts);
            sentence.Read(lastTherapy, s - lastTherapySentence <= CarryOverSentences);
            if (sections.Count > 0 && facts.Count > before)
            {
                var section = DocumentSections.NameAt(sections, normalized.ToOriginal(sentences[s].Start));
                for (var f = before; f < facts.Count; f++)
                {
                    facts[f] = facts[f] with { Section = section };
                }
            }
            if (sentence.LastTherapy is not null)
            {
                lastTherapy = sentence.LastTherapy;
                lastTherapySentence = s;
            }
        }

        return facts;
    }

    private sealed class SentenceReader
    {
        private readonly NormalizedText _text;
        private readonly int _start;
        private readonly int _end;
        private readonly int _document;
        private readonly DateOnly _asOf;
        private readonly List<ClinicalFact> _facts;
        private readonly List<Token> _tokens;
        private Evidence? _evidence;

        public SentenceReader(NormalizedText text, int start, int end, int document, DateOnly asOf, List<ClinicalFact> facts)
        {
            _text = text;
            _start = start;
            _end = end;
            _document = document;
            _asOf = asOf;
            _facts = facts;
            _tokens = Tokenizer.Tokenize(text.Text, start, end);
        }

        public string? LastTherapy { get; private set; }

        private Evidence Evidence
        {
            get
            {
                if (_evidence is null)
                {
                    var (start, end) = _text.ToOriginalSpan(_start, _end);
                    _evidence = new Evidence(_document, start, end, _text.Original[start..end]);
                }

                return _evidence;
            }
        }

        public void Read(string? carriedTherapy, bool carryAllowed)
        {
            if (_tokens.Count == 0)
            {
                return;
            }

            var concepts = ClinicalLexicon.Concepts.MatchAll(_tokens).Where(c => HasNeeds(c.Item)).ToList();
            var drugs = DrugLexicon.Lexicon.MatchAll(_tokens).Where(d => !concepts.Exists(c => Overlap(c.Index, c.Length, d.Index, d.Length))).ToList();
            var regions = BodyRegions.Lexicon.MatchAll(_tokens);
            var spans = new List<(int, int)>(concepts.Count + drugs.Count);
            spans.AddRange(concepts.Select(c => (c.Index, c.Length)));
            spans.AddRange(drugs.Select(d => (d.Index, d.Length)));
            var context = new ContextAnalyzer(_tokens, spans);
            var dates = DateScanner.Find(_text.Text, _start, _end).Select(d => (Token: TokenAt(d.Start), d.Start, d.End, d.Date)).ToList();
            var counts = SessionCounts();
            var usedCounts = new bool[counts.Count];

            ReadAgeAndSex(context);
            ReadInjuryDates(dates);

            var aboutMedicationOnly = AboutMedicationOnly(concepts, drugs);
            foreach (var (index, length, concept) in concepts)
            {
                foreach (var conceptKind in concept.Kinds)
                {
                    // "difficulty obtaining medications interrupts any benefit": a gain in a sentence about drugs alone is the drugs' benefit, not the result of therapy.
                    var kind = conceptKind is FactKinds.ResponseFunctionalImprovement or FactKinds.ResponseReportedImprovement && aboutMedicationOnly
                        ? FactKinds.MedicationFunctionalBenefit : conceptKind;
                    var status = context.StatusOf(index, length, concept.IsPlan);
                    if (status == FactStatus.Affirmed && kind is FactKinds.ResponseFunctionalImprovement or FactKinds.ResponseReportedImprovement or FactKinds.ResponsePainRelief && SlightBefore(index))
                    {
                        // "minimal improvement", "a little better": a gain too small to count (MTUS 9792.20: clinically significant improvement).
                        status = FactStatus.Negated;
                    }

                    // A gain denied ("no improvement", "not beneficial") is evidence against functional improvement; a gain only
                    // reported ("feels better") does not prove it, so it stays a reported improvement.
                    if (kind == FactKinds.ResponseReportedImprovement && status == FactStatus.Negated)
                    {
                        kind = FactKinds.ResponseFunctionalImprovement;
                    }

                    var (region, laterality) = NearestRegion(regions, index);
                    var fact = new ClinicalFact(kind, status)
                    {
                        Value = concept.Value,
                        Region = region,
                        Laterality = laterality,
                        Trigger = Words(index, length),
                        Evidence = Evidence,
                    };
                    if (DatedKinds.Contains(kind))
                    {
                        fact = fact with { Date = NearestDate(dates, index) };
                    }

                    if (kind == FactKinds.DiagnosisPostoperative)
                    {
                        fact = fact with { Value = SurgeryAfter(concepts, index + length) };

                        // "had some elective tests done" is not an operation.
                        if (fact.Value is null && _tokens[index].Value is "underwent" or "had")
                        {
                            continue;
                        }
                    }

                    if (TherapyKinds.Contains(kind))
                    {
                        var count = NearestCount(counts, usedCounts, index);
                        if (count is { } c)
                        {
                            fact = fact with { Number = c };
                        }

                        LastTherapy = kind;
                    }

                    _facts.Add(fact);
                }
            }

            for (var i = 0; i < counts.Count; i++)
            {
                if (!usedCounts[i])
                {
                    var kind = carryAllowed && carriedTherapy is not null ? carriedTherapy : FactKinds.TreatmentSessions;
                    _facts.Add(new ClinicalFact(kind, context.StatusOf(counts[i].Index, counts[i].Length))
                    {
                        Number = counts[i].Value,
                        Trigger = Words(counts[i].Index, counts[i].Length),
                        Evidence = Evidence,
                    });
                }
            }

            ReadCareWithoutRelief(concepts, drugs, context);
            ReadLastingComplaint(concepts, regions, context);
            ReadDrugs(drugs, context, regions, dates);
            ReadRegions(regions, context);
            ReadScores(context);
        }

        // "persistent pain despite chiropractic care and home exercises", "continued pain after six weeks of therapy":
        // care named and the complaint outlasting it is care that failed (ACOEM: failure to progress with conservative care).
        private void ReadCareWithoutRelief(List<(int Index, int Length, Concept Item)> concepts, List<(int Index, int Length, DrugEntry Item)> drugs, ContextAnalyzer context)
        {
            if (concepts.Exists(c => c.Item.Kinds.Contains(FactKinds.ConservativeCareFailed)))
            {
                return;
            }

            var persisting = -1;
            for (var i = 0; i < _tokens.Count; i++)
            {
                var word = _tokens[i].Value;
                if (PersistenceWords.Contains(word))
                {
                    persisting = i;
                    continue;
                }

                var despite = word == "despite" || (word == "spite" && i > 0 && _tokens[i - 1].Value == "in");
                var after = word == "after" && persisting >= 0;
                if (!despite && !after)
                {
                    continue;
                }

                var care = CareWithin(concepts, drugs, i + 1, i + CareWindow);
                if (care >= 0)
                {
                    _facts.Add(new ClinicalFact(FactKinds.ConservativeCareFailed, context.StatusOf(care, 1))
                    {
                        Trigger = Words(after ? persisting : i, care - (after ? persisting : i) + 1),
                        Evidence = Evidence,
                    });
                    return;
                }
            }
        }

        // "lasting pain in the left hip", "the low back pain continues": a complaint stated as lasting on, with words between.
        private void ReadLastingComplaint(List<(int Index, int Length, Concept Item)> concepts, List<(int Index, int Length, string Item)> regions, ContextAnalyzer context)
        {
            if (concepts.Exists(c => c.Item.Kinds.Contains(FactKinds.SymptomPersistent)))
            {
                return;
            }

            for (var i = 0; i < _tokens.Count; i++)
            {
                if (!ComplaintWords.Contains(_tokens[i].Value))
                {
                    continue;
                }

                var persisting = -1;
                for (var k = Math.Max(0, i - ComplaintWindow); k <= Math.Min(_tokens.Count - 1, i + 2) && persisting < 0; k++)
                {
                    if (k != i && PersistenceWords.Contains(_tokens[k].Value))
                    {
                        persisting = k;
                    }
                }

                if (persisting < 0)
                {
                    continue;
                }

                var (region, laterality) = NearestRegion(regions, i);
                _facts.Add(new ClinicalFact(FactKinds.SymptomPersistent, context.StatusOf(Math.Min(i, persisting), 1))
                {
                    Region = region,
                    Laterality = laterality,
                    Trigger = Words(Math.Min(i, persisting), Math.Abs(i - persisting) + 1),
                    Evidence = Evidence,
                });
                return;
            }
        }

        private static int CareWithin(List<(int Index, int Length, Concept Item)> concepts, List<(int Index, int Length, DrugEntry Item)> drugs, int from, int to)
        {
            foreach (var (index, _, concept) in concepts)
            {
                if (index >= from && index <= to && concept.Kinds.Any(CareKinds.Contains))
                {
                    return index;
                }
            }

            foreach (var (index, _, _) in drugs)
            {
                if (index >= from && index <= to)
                {
                    return index;
                }
            }

            return -1;
        }

        private bool SlightBefore(int index)
        {
            for (var k = Math.Max(0, index - 2); k < index; k++)
            {
                if (SlightWords.Contains(_tokens[k].Value))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool AboutMedicationOnly(List<(int Index, int Length, Concept Item)> concepts, List<(int Index, int Length, DrugEntry Item)> drugs) =>
            (drugs.Count > 0 || concepts.Exists(c => c.Item.Kinds.Contains(FactKinds.TreatmentMedication)))
            && !concepts.Exists(c => c.Item.Kinds.Any(k => TherapyKinds.Contains(k) || k is FactKinds.TreatmentHomeExercise or FactKinds.TreatmentTens or FactKinds.TreatmentConservativeCare));

        private void ReadDrugs(List<(int Index, int Length, DrugEntry Item)> drugs, ContextAnalyzer context, List<(int Index, int Length, string Item)> regions, List<(int Token, int Start, int End, DateOnly Date)> dates)
        {
            if (drugs.Count == 0)
            {
                return;
            }

            var duration = Duration() ?? Since(dates);
            foreach (var (index, length, drug) in drugs)
            {
                var status = context.StatusOf(index, length);
                var (region, laterality) = NearestRegion(regions, index);
                var name = drug.Name;
                _facts.Add(new ClinicalFact(FactKinds.TreatmentMedication, status)
                {
                    Value = name,
                    Region = drug.IsTopical ? region : null,
                    Laterality = drug.IsTopical ? laterality : null,
                    Trigger = Words(index, length),
                    Evidence = Evidence,
                });
                if (drug.Class == DrugLexicon.Opioid)
                {
                    _facts.Add(new ClinicalFact(FactKinds.MedicationOpioid, status) { Value = name, Trigger = Words(index, length), Evidence = Evidence });
                }
            }

            if (duration is { } d)
            {
                var nearest = drugs.MinBy(x => Math.Abs(x.Index - d.Index));
                _facts.Add(new ClinicalFact(FactKinds.MedicationDuration, context.StatusOf(nearest.Index, nearest.Length))
                {
                    Value = nearest.Item.Name,
                    Number = d.Months,
                    Trigger = Words(d.Index, d.Length),
                    Evidence = Evidence,
                });
            }
        }

        private void ReadRegions(List<(int Index, int Length, string Item)> regions, ContextAnalyzer context)
        {
            foreach (var (index, length, region) in regions)
            {
                _facts.Add(new ClinicalFact(FactKinds.BodyRegion, context.StatusOf(index, length))
                {
                    Value = region,
                    Region = region,
                    Laterality = BodyRegions.LateralityNear(_tokens, index, length),
                    Trigger = Words(index, length),
                    Evidence = Evidence,
                });
            }
        }

        // "47 year old man", "47-year-old woman", "now a 61-year-old woman", "a 33 yo male";
        // without an age, "the worker is a woman who ...".
        private void ReadAgeAndSex(ContextAnalyzer context)
        {
            if (!ReadAge(context))
            {
                for (var i = 0; i + 2 < _tokens.Count; i++)
                {
                    if (_tokens[i].Value is "is" or "was" && _tokens[i + 1].Value is "a" or "an" && SexWords.Contains(_tokens[i + 2].Value))
                    {
                        var sex = _tokens[i + 2].Value is "female" or "woman" or "lady" or "girl" ? "female" : "male";
                        _facts.Add(new ClinicalFact(FactKinds.PatientSex, FactStatus.Affirmed) { Value = sex, Trigger = Words(i, 3), Evidence = Evidence });
                        return;
                    }
                }
            }
        }

        private bool ReadAge(ContextAnalyzer context)
        {
            for (var i = 0; i + 1 < _tokens.Count; i++)
            {
                if (!_tokens[i].IsNumber || !NumberWords.TryParse(_tokens[i].Value, out var age) || age is < 1 or > 115)
                {
                    continue;
                }

                var next = i + 1;
                if (_tokens[next].Value is "year" or "years" && next + 1 < _tokens.Count && _tokens[next + 1].Value == "old")
                {
                    next += 2;
                }
                else if (_tokens[next].Value == "yo")
                {
                    next += 1;
                }
                else
                {
                    continue;
                }

                // An age is stated, not hedged or negated; only "his mother, a 60-year-old woman" is about someone else.
                var status = context.StatusOf(i, next - i) == FactStatus.OtherPerson ? FactStatus.OtherPerson : FactStatus.Affirmed;
                _facts.Add(new ClinicalFact(FactKinds.PatientAge, status)
                {
                    Number = age,
                    Trigger = Words(i, next - i),
                    Evidence = Evidence,
                });
                for (var k = next; k < _tokens.Count && k < next + 4; k++)
                {
                    if (SexWords.Contains(_tokens[k].Value))
                    {
                        var sex = _tokens[k].Value is "female" or "woman" or "lady" or "girl" ? "female" : "male";
                        _facts.Add(new ClinicalFact(FactKinds.PatientSex, status)
                        {
                            Value = sex,
                            Trigger = Words(i, k - i + 1),
                            Evidence = Evidence,
                        });
                        break;
                    }
                }

                return true;
            }

            return false;
        }

        private void ReadInjuryDates(List<(int Token, int Start, int End, DateOnly Date)> dates)
        {
            foreach (var date in dates)
            {
                var beforeStart = Math.Max(_start, date.Start - 45);
                var before = _text.Text.AsSpan(beforeStart, date.Start - beforeStart);
                var afterEnd = Math.Min(_end, date.End + 25);
                var after = _text.Text.AsSpan(date.End, afterEnd - date.End);
                var cueBefore = LastCue(before);
                var cueAfter = after.Contains("date of injury", StringComparison.OrdinalIgnoreCase)
                    || after.Contains("doi", StringComparison.OrdinalIgnoreCase)
                    || after.Contains("injury date", StringComparison.OrdinalIgnoreCase);
                if (cueBefore || cueAfter)
                {
                    _facts.Add(new ClinicalFact(FactKinds.InjuryDate, FactStatus.Affirmed)
                    {
                        Date = date.Date,
                        Trigger = _text.Text[date.Start..date.End],
                        Evidence = Evidence,
                    });
                }
            }
        }

        private static bool LastCue(ReadOnlySpan<char> before)
        {
            // The cue must be the last thing before the date: no other date in between.
            var lastDigitRun = before.LastIndexOfAnyInRange('0', '9');
            foreach (var cue in (ReadOnlySpan<string>)["injury", "injuries", "doi", "date of loss", "claim from", "claim of", "injured on", "injured at work on", "injured her", "injured his", "accident on", "accident of", "trauma on"])
            {
                var at = before.LastIndexOf(cue, StringComparison.OrdinalIgnoreCase);
                if (at >= 0 && at > lastDigitRun)
                {
                    return true;
                }
            }

            return false;
        }

        // Pain "3/10", "7-8/10", "3 out of 10"; strength "4/5", "5/5".
        private void ReadScores(ContextAnalyzer context)
        {
            var text = _text.Text;
            var hasStrength = _tokens.Exists(t => t.Value.StartsWith("strength", StringComparison.Ordinal) || t.Value is "motor" or "weakness");
            for (var i = _start; i < _end; i++)
            {
                if (!char.IsAsciiDigit(text[i]) || (i > _start && (char.IsAsciiDigit(text[i - 1]) || text[i - 1] is '/' or '.')))
                {
                    continue;
                }

                var p = i;
                var value = ReadDecimal(text, ref p, _end);
                decimal? upper = null;
                if (p + 1 < _end && text[p] == '-' && char.IsAsciiDigit(text[p + 1]))
                {
                    p++;
                    upper = ReadDecimal(text, ref p, _end);
                }

                var modifier = p < _end && text[p] is '+' or '-' ? 1 : 0;
                var q = p + modifier;
                var denominator = 0;
                if (q + 1 < _end && text[q] == '/' && char.IsAsciiDigit(text[q + 1]))
                {
                    q++;
                    var d = ReadDecimal(text, ref q, _end);
                    denominator = d is 10 or 5 ? (int)d : 0;
                }
                else if (q + 10 <= _end && text.AsSpan(q, 10).Equals(" out of 10", StringComparison.OrdinalIgnoreCase))
                {
                    q += 10;
                    denominator = 10;
                }

                if (denominator == 0 || (q < _end && (char.IsAsciiDigit(text[q]) || text[q] == '/')))
                {
                    i = Math.Max(i, p - 1);
                    continue;
                }

                var score = upper ?? value;
                var tokenIndex = TokenAt(i);
                if (denominator == 10 && score <= 10)
                {
                    var window = text.AsSpan(Math.Max(_start, i - 30), i - Math.Max(_start, i - 30));
                    string? with = window.Contains("without medication", StringComparison.OrdinalIgnoreCase) ? "without-medication"
                        : window.Contains("with medication", StringComparison.OrdinalIgnoreCase) ? "with-medication" : null;
                    _facts.Add(new ClinicalFact(FactKinds.ResponsePainScore, Clinical(context.StatusOf(tokenIndex, 1)))
                    {
                        Number = score,
                        Value = with,
                        Trigger = text[i..q],
                        Evidence = Evidence,
                    });
                }
                else if (denominator == 5 && hasStrength && score <= 5)
                {
                    var status = score == 5 && modifier == 0 ? FactStatus.Negated : FactStatus.Affirmed;
                    _facts.Add(new ClinicalFact(FactKinds.NeuroWeakness, status) { Number = score, Trigger = text[i..q], Evidence = Evidence });
                }

                i = q - 1;
            }
        }

        // A stated score is a finding even in a hedged or without-medication sentence; only other-person and review-process statuses stick.
        private static FactStatus Clinical(FactStatus status) =>
            status is FactStatus.OtherPerson or FactStatus.NotAboutPatient ? status : FactStatus.Affirmed;

        private static decimal ReadDecimal(string text, ref int p, int end)
        {
            var start = p;
            while (p < end && p - start < 6 && (char.IsAsciiDigit(text[p]) || (text[p] == '.' && p + 1 < end && char.IsAsciiDigit(text[p + 1]))))
            {
                p++;
            }

            return decimal.TryParse(text.AsSpan(start, p - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : 0;
        }

        // "9 sessions", "no fewer than four (4) therapy visits", "seven visits"; not "2 sessions per week".
        private List<(int Index, int Length, decimal Value)> SessionCounts()
        {
            var result = new List<(int, int, decimal)>();
            for (var i = 0; i < _tokens.Count; i++)
            {
                if (!NumberWords.TryRead(_tokens, i, out var value, out var length) || value is <= 0 or > 200 || _tokens[i].Value is "once" or "twice" or "single"
                    || (_tokens[i].End < _end && _text.Text[_tokens[i].End] == '%'))
                {
                    continue;
                }

                // "7 out of 10, before a massage treatment" is a score, not a count.
                if (i >= 2 && _tokens[i - 1].Value == "of" && _tokens[i - 2].Value == "out")
                {
                    continue;
                }

                for (var k = i + length; k < _tokens.Count && k <= i + length + 3; k++)
                {
                    if (_tokens[k].IsNumber || _tokens[k].Value == Tokenizer.ScopeBreak
                        || (!SessionUnits.Contains(_tokens[k].Value) && !SessionModifiers.Contains(_tokens[k].Value)))
                    {
                        break;
                    }

                    if (SessionUnits.Contains(_tokens[k].Value))
                    {
                        var perWeek = k + 1 < _tokens.Count && _tokens[k + 1].Value is "per" or "weekly" or "a" or "each";
                        if (!perWeek)
                        {
                            result.Add((i, k - i + 1, value));
                        }

                        i = k;
                        break;
                    }
                }
            }

            return result;
        }

        // "for (the past|at least) N months|weeks|years" or "since DATE".
        private (int Index, int Length, decimal Months)? Duration()
        {
            for (var i = 0; i < _tokens.Count; i++)
            {
                if (_tokens[i].Value != "for")
                {
                    continue;
                }

                var k = i + 1;
                while (k < _tokens.Count && k <= i + 4 && _tokens[k].Value is "the" or "past" or "last" or "at" or "least" or "over" or "about" or "approximately" or "more" or "than" or "almost" or "nearly")
                {
                    k++;
                }

                if (!NumberWords.TryRead(_tokens, k, out var value, out var length) || k + length >= _tokens.Count)
                {
                    continue;
                }

                var unit = _tokens[k + length].Value;
                decimal? months = unit switch
                {
                    "month" or "months" => value,
                    "year" or "years" => value * 12,
                    "week" or "weeks" => Math.Round(value / 4.345m, 1),
                    _ => null,
                };
                if (months is { } m)
                {
                    return (i, k + length - i + 1, m);
                }
            }

            return null;
        }

        // "on Norco since 01/05/2016": months from that date to asOf.
        private (int Index, int Length, decimal Months)? Since(List<(int Token, int Start, int End, DateOnly Date)> dates)
        {
            foreach (var date in dates)
            {
                if (date.Token > 0 && _tokens[date.Token - 1].Value == "since" && date.Date <= _asOf)
                {
                    return (date.Token - 1, 2, CaseFacts.WholeMonths(date.Date, _asOf));
                }
            }

            return null;
        }

        private bool HasNeeds(Concept concept)
        {
            if (concept.Needs is null)
            {
                return true;
            }

            foreach (var token in _tokens)
            {
                foreach (var need in concept.Needs)
                {
                    if (token.Value.StartsWith(need, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool Overlap(int a, int aLength, int b, int bLength) => a < b + bLength && b < a + aLength;

        private (string? Region, Laterality? Laterality) NearestRegion(List<(int Index, int Length, string Item)> regions, int index)
        {
            if (regions.Count == 0)
            {
                return (null, null);
            }

            var best = regions[0];
            foreach (var region in regions)
            {
                if (Math.Abs(region.Index - index) < Math.Abs(best.Index - index))
                {
                    best = region;
                }
            }

            return (best.Item, BodyRegions.LateralityNear(_tokens, best.Index, best.Length));
        }

        private static DateOnly? NearestDate(List<(int Token, int Start, int End, DateOnly Date)> dates, int index)
        {
            if (dates.Count == 0)
            {
                return null;
            }

            var best = dates[0];
            foreach (var date in dates)
            {
                if (Math.Abs(date.Token - index) < Math.Abs(best.Token - index))
                {
                    best = date;
                }
            }

            return best.Date;
        }

        private static decimal? NearestCount(List<(int Index, int Length, decimal Value)> counts, bool[] used, int index)
        {
            var best = -1;
            for (var i = 0; i < counts.Count; i++)
            {
                if (!used[i] && (best < 0 || Math.Abs(counts[i].Index - index) < Math.Abs(counts[best].Index - index)))
                {
                    best = i;
                }
            }

            if (best < 0)
            {
                return null;
            }

            used[best] = true;
            return counts[best].Value;
        }

        private string? SurgeryAfter(List<(int Index, int Length, Concept Item)> concepts, int from)
        {
            foreach (var (index, length, concept) in concepts)
            {
                if (index >= from && index <= from + 8 && concept.Kinds.Contains(FactKinds.TreatmentSurgery))
                {
                    var end = index + length;

                    // Take the words up to the next date or clause break: "right shoulder arthroscopy with rotator cuff repair".
                    var first = from;
                    while (first < index && _tokens[first].Value is "a" or "an" or "the" or "of")
                    {
                        first++;
                    }

                    return Words(first, end - first).ToLowerInvariant();
                }
            }

            return null;
        }

        private int TokenAt(int offset)
        {
            var lo = 0;
            var hi = _tokens.Count - 1;
            while (lo < hi)
            {
                var mid = (lo + hi + 1) / 2;
                if (_tokens[mid].Start <= offset)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return Math.Max(lo, 0);
        }

        private string Words(int index, int length)
        {
            if (_tokens.Count == 0)
            {
                return "";
            }

            index = Math.Clamp(index, 0, _tokens.Count - 1);
            var last = Math.Clamp(index + length - 1, index, _tokens.Count - 1);
            return _text.Text[_tokens[index].Start.._tokens[last].End];
        }
    }
}
