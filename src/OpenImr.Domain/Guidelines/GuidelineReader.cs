using System.Collections.Frozen;
using System.Text.Json;

namespace OpenImr.Domain.Guidelines;

/// <summary>A topic as written, before <c>basedOn</c> is resolved: any field may still be missing.</summary>
internal sealed record TopicDraft(
    string Id,
    string GuidelineId,
    string File,
    string Path,
    string Section,
    IReadOnlyList<string>? Aliases,
    string? Pages,
    RecommendationKind? Recommendation,
    string? Summary,
    IReadOnlyList<string>? Services,
    IReadOnlyList<string>? Regions,
    IReadOnlyList<string>? Conditions,
    IReadOnlyList<Criterion>? Criteria,
    IReadOnlyList<QuantityRule>? Quantities,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Lists,
    Confidence? Confidence,
    string? BasedOn,
    bool AppliesAlongside = false);

/// <summary>A guideline as written, with its topics still drafts.</summary>
internal sealed record GuidelineDraft(
    string Id,
    string Family,
    GuidelineSource Source,
    string Title,
    IReadOnlyList<string> Aliases,
    string Edition,
    string? Citation,
    CitationStyle CitesBy,
    EffectivePeriod Effective,
    IReadOnlyList<TopicDraft> Topics,
    string File,
    bool Complete);

/// <summary>Parses guideline documents of the library (see guidelines/README.md for the schema).</summary>
internal static class GuidelineReader
{
    public static readonly IReadOnlyDictionary<string, GuidelineSource> Sources = new Dictionary<string, GuidelineSource>
    {
        ["MTUS"] = GuidelineSource.Mtus,
        ["ODG"] = GuidelineSource.Odg,
        ["ACOEM"] = GuidelineSource.Acoem,
        ["Other"] = GuidelineSource.Other,
    };

    public static readonly IReadOnlyDictionary<string, Confidence> Confidences = new Dictionary<string, Confidence>
    {
        ["V"] = Confidence.V,
        ["K-high"] = Confidence.KHigh,
        ["K-medium"] = Confidence.KMedium,
        ["K-low"] = Confidence.KLow,
        ["I"] = Confidence.I,
    };

    private static readonly IReadOnlyDictionary<string, CitationStyle> CitationStyles = new Dictionary<string, CitationStyle>
    {
        ["pages"] = CitationStyle.Pages,
        ["section"] = CitationStyle.Section,
    };

    private static readonly IReadOnlyDictionary<string, FailureEffect> FailureEffects = new Dictionary<string, FailureEffect>
    {
        ["upheld"] = FailureEffect.Upheld,
        ["supporting"] = FailureEffect.Supporting,
    };

    private static readonly IReadOnlyDictionary<string, FactExpectation> Expectations = new Dictionary<string, FactExpectation>
    {
        ["affirmed"] = FactExpectation.Affirmed,
        ["negated"] = FactExpectation.Negated,
        ["not-affirmed"] = FactExpectation.NotAffirmed,
        ["ever"] = FactExpectation.Ever,
    };

    private static readonly IReadOnlyDictionary<string, RecommendationKind> Recommendations = new Dictionary<string, RecommendationKind>
    {
        ["recommended"] = RecommendationKind.Recommended,
        ["option"] = RecommendationKind.Option,
        ["conditional"] = RecommendationKind.Conditional,
        ["not-recommended"] = RecommendationKind.NotRecommended,
        ["under-study"] = RecommendationKind.UnderStudy,
        ["definition"] = RecommendationKind.Definition,
        ["statutory-limit"] = RecommendationKind.StatutoryLimit,
        ["not-encoded"] = RecommendationKind.NotEncoded,
    };

    public static GuidelineDraft? Read(JsonElement root, JsonWalker walker)
    {
        const string Path = "$";
        if (!walker.IsObject(root, Path))
        {
            return null;
        }

        walker.CheckProperties(root, Path, "$schema", "id", "family", "source", "title", "aliases", "edition", "citation", "citesBy", "effective", "topics");
        var id = walker.String(root, "id", Path, required: true);
        var family = walker.String(root, "family", Path, required: true);
        var source = walker.Word(root, "source", Path, Sources, required: true);
        var title = walker.String(root, "title", Path, required: true);
        var aliases = walker.Strings(root, "aliases", Path, required: false) ?? [];
        var edition = walker.String(root, "edition", Path, required: true);
        var citation = walker.String(root, "citation", Path, required: false);
        var citesBy = walker.Word(root, "citesBy", Path, CitationStyles, required: true);
        var effective = ReadEffective(root, walker, Path);

        var topics = new List<TopicDraft>();
        foreach (var (item, path) in walker.Array(root, "topics", Path, required: true))
        {
            var topic = ReadTopic(item, path, id ?? "?", walker);
            if (topic is not null)
            {
                topics.Add(topic);
            }
        }

        // Note that an incomplete header still yields a draft, so that its topics are checked too;
        // the library leaves incomplete guidelines out after resolution.
        var complete = id is not null && family is not null && source is not null && title is not null && edition is not null && citesBy is not null && effective is not null;
        return new GuidelineDraft(id ?? $"?{walker.File}", family ?? "?", source ?? GuidelineSource.Other, title ?? "?", aliases, edition ?? "?", citation,
            citesBy ?? CitationStyle.Pages, effective ?? new EffectivePeriod(DateOnly.MinValue, DateOnly.MinValue, Confidence.I, null), topics, walker.File, complete);
    }

    private static EffectivePeriod? ReadEffective(JsonElement root, JsonWalker walker, string parent)
    {
        var path = JsonWalker.Child(parent, "effective");
        if (!root.TryGetProperty("effective", out var element))
        {
            walker.Report("GL101", path, "'effective' is required: {from, to, confidence, note}.");
            return null;
        }

        if (!walker.IsObject(element, path))
        {
            return null;
        }

        walker.CheckProperties(element, path, "from", "to", "confidence", "note");
        var from = walker.Date(element, "from", path, required: true);
        var to = walker.Date(element, "to", path, required: false);
        var confidence = walker.Word(element, "confidence", path, Confidences, required: true);
        var note = walker.String(element, "note", path, required: false);
        if (from is not null && to is not null && to < from)
        {
            walker.Report("GL105", JsonWalker.Child(path, "to"), $"'to' ({to:yyyy-MM-dd}) is before 'from' ({from:yyyy-MM-dd}).");
        }

        return from is null || confidence is null ? null : new EffectivePeriod(from.Value, to, confidence.Value, note);
    }

    private static TopicDraft? ReadTopic(JsonElement element, string path, string guidelineId, JsonWalker walker)
    {
        if (!walker.IsObject(element, path))
        {
            return null;
        }

        walker.CheckProperties(element, path, "id", "basedOn", "section", "aliases", "pages", "recommendation", "summary",
            "services", "regions", "conditions", "criteria", "quantities", "lists", "confidence", "appliesAlongside");
        var id = walker.String(element, "id", path, required: true);
        var section = walker.String(element, "section", path, required: true);
        var pages = walker.String(element, "pages", path, required: false);
        if (pages is not null && !IsPageRange(pages))
        {
            walker.Report("GL105", JsonWalker.Child(path, "pages"), $"'{pages}' is not a page list such as '98-99' or '30-34, 49'.");
        }

        var services = walker.Strings(element, "services", path, required: false);
        CheckAll(services?.Where(s => !IsKnownFamilyWildcard(s)).ToList(), GuidelineVocabulary.ServiceKinds, "GL203", "service kind", JsonWalker.Child(path, "services"), walker);
        var regions = walker.Strings(element, "regions", path, required: false);
        CheckAll(regions, GuidelineVocabulary.Regions, "GL204", "region", JsonWalker.Child(path, "regions"), walker);
        var conditions = walker.Strings(element, "conditions", path, required: false);
        CheckAll(conditions, GuidelineVocabulary.FactKinds, "GL202", "fact kind", JsonWalker.Child(path, "conditions"), walker);

        IReadOnlyList<Criterion>? criteria = element.TryGetProperty("criteria", out _)
            ? walker.Array(element, "criteria", path, required: false).Select(c => ReadCriterion(c.Item, c.Path, walker)).OfType<Criterion>().ToList()
            : null;
        IReadOnlyList<QuantityRule>? quantities = element.TryGetProperty("quantities", out _)
            ? walker.Array(element, "quantities", path, required: false).Select(q => ReadQuantity(q.Item, q.Path, walker)).OfType<QuantityRule>().ToList()
            : null;
        CheckDuplicateIds(element, path, walker);

        if (id is null || section is null)
        {
            return null;
        }

        return new TopicDraft(
            id,
            guidelineId,
            walker.File,
            path,
            section,
            walker.Strings(element, "aliases", path, required: false),
            pages,
            walker.Word(element, "recommendation", path, Recommendations, required: false),
            walker.String(element, "summary", path, required: false),
            services,
            regions,
            conditions,
            criteria,
            quantities,
            ReadLists(element, path, walker),
            walker.Word(element, "confidence", path, Confidences, required: false),
            walker.String(element, "basedOn", path, required: false),
            walker.Boolean(element, "appliesAlongside", path));
    }

    private static Dictionary<string, IReadOnlyList<string>>? ReadLists(JsonElement element, string path, JsonWalker walker)
    {
        if (!element.TryGetProperty("lists", out var lists))
        {
            return null;
        }

        var listsPath = JsonWalker.Child(path, "lists");
        if (!walker.IsObject(lists, listsPath))
        {
            return null;
        }

        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var property in lists.EnumerateObject())
        {
            result[property.Name] = walker.StringArray(property.Value, JsonWalker.Child(listsPath, property.Name)) ?? [];
        }

        return result;
    }

    private static void CheckDuplicateIds(JsonElement topic, string path, JsonWalker walker)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in new[] { "criteria", "quantities" })
        {
            if (!topic.TryGetProperty(kind, out var items) || items.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var index = 0;
            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                    && !seen.Add(id.GetString()!))
                {
                    walker.Report("GL201", JsonWalker.Index(JsonWalker.Child(path, kind), index), $"duplicate id '{id.GetString()}' in this topic.");
                }

                index++;
            }
        }
    }

    private static Criterion? ReadCriterion(JsonElement element, string path, JsonWalker walker)
    {
        if (!walker.IsObject(element, path))
        {
            return null;
        }

        walker.CheckProperties(element, path, "id", "test", "facts", "rule", "when", "onFail", "source", "confidence", "note");
        var id = walker.String(element, "id", path, required: true);
        var test = walker.String(element, "test", path, required: true);
        var facts = walker.Strings(element, "facts", path, required: true);
        CheckAll(facts, GuidelineVocabulary.FactKinds, "GL202", "fact kind", JsonWalker.Child(path, "facts"), walker);
        var rule = ReadRuleProperty(element, "rule", path, walker, required: true);
        var when = ReadRuleProperty(element, "when", path, walker, required: false);
        CheckRuleFactsListed(rule, facts, JsonWalker.Child(path, "rule"), walker);
        CheckRuleFactsListed(when, facts, JsonWalker.Child(path, "when"), walker);
        var onFail = walker.Word(element, "onFail", path, FailureEffects, required: true);
        var source = ReadSource(element, path, walker);
        var confidence = walker.Word(element, "confidence", path, Confidences, required: true);
        var note = walker.String(element, "note", path, required: false);

        if (id is null || test is null || facts is null || rule is null || onFail is null || source is null || confidence is null)
        {
            return null;
        }

        return new Criterion(id, test, facts, rule, when, onFail.Value, source, confidence.Value, note);
    }

    private static QuantityRule? ReadQuantity(JsonElement element, string path, JsonWalker walker)
    {
        if (!walker.IsObject(element, path))
        {
            return null;
        }

        walker.CheckProperties(element, path, "id", "test", "unit", "min", "max", "overWeeks", "cumulative", "perDiscipline", "when",
            "exemptWhen", "condition", "initialFraction", "periodMonths", "onFail", "source", "confidence", "note");
        var id = walker.String(element, "id", path, required: true);
        var test = walker.String(element, "test", path, required: true);
        var unit = walker.String(element, "unit", path, required: true);
        if (unit is not null && !GuidelineVocabulary.QuantityUnits.Contains(unit))
        {
            walker.Report("GL205", JsonWalker.Child(path, "unit"), $"unknown unit '{unit}'; known: {string.Join(", ", GuidelineVocabulary.QuantityUnits)}.");
        }

        var min = walker.Number(element, "min", path);
        var max = walker.Number(element, "max", path);
        if (max is null)
        {
            walker.Report("GL101", JsonWalker.Child(path, "max"), "'max' is required: the limit the rule sets.");
        }
        else if (min is not null && min > max)
        {
            walker.Report("GL105", JsonWalker.Child(path, "min"), $"'min' ({min}) is above 'max' ({max}).");
        }

        var fraction = walker.Number(element, "initialFraction", path);
        if (fraction is <= 0 or > 1)
        {
            walker.Report("GL105", JsonWalker.Child(path, "initialFraction"), "'initialFraction' must be above 0 and at most 1.");
        }

        var quantity = new
        {
            OverWeeks = walker.Integer(element, "overWeeks", path),
            Cumulative = walker.Boolean(element, "cumulative", path),
            PerDiscipline = walker.Boolean(element, "perDiscipline", path),
            When = ReadRuleProperty(element, "when", path, walker, required: false),
            ExemptWhen = ReadRuleProperty(element, "exemptWhen", path, walker, required: false),
            Condition = walker.String(element, "condition", path, required: false),
            PeriodMonths = walker.Integer(element, "periodMonths", path),
            OnFail = walker.Word(element, "onFail", path, FailureEffects, required: true),
            Source = ReadSource(element, path, walker),
            Confidence = walker.Word(element, "confidence", path, Confidences, required: true),
            Note = walker.String(element, "note", path, required: false),
        };

        if (id is null || test is null || unit is null || quantity.OnFail is null || quantity.Source is null || quantity.Confidence is null)
        {
            return null;
        }

        return new QuantityRule(id, test, unit, min, max, quantity.OverWeeks, quantity.Cumulative, quantity.PerDiscipline, quantity.When,
            quantity.ExemptWhen, quantity.Condition, fraction, quantity.PeriodMonths, quantity.OnFail.Value, quantity.Source,
            quantity.Confidence.Value, quantity.Note);
    }

    private static SourceReference? ReadSource(JsonElement element, string path, JsonWalker walker)
    {
        var sourcePath = JsonWalker.Child(path, "source");
        if (!element.TryGetProperty("source", out var source) || source.ValueKind == JsonValueKind.Null)
        {
            walker.Report("GL207", sourcePath, "'source' is required: give the page(s) or the section the rule comes from.");
            return null;
        }

        if (!walker.IsObject(source, sourcePath))
        {
            return null;
        }

        walker.CheckProperties(source, sourcePath, "pages", "section", "document");
        var pages = walker.String(source, "pages", sourcePath, required: false);
        var section = walker.String(source, "section", sourcePath, required: false);
        if (pages is null && section is null)
        {
            walker.Report("GL207", sourcePath, "a source needs 'pages' or 'section'.");
            return null;
        }

        if (pages is not null && !IsPageRange(pages))
        {
            walker.Report("GL105", JsonWalker.Child(sourcePath, "pages"), $"'{pages}' is not a page list such as '98-99' or '30-34, 49'.");
        }

        return new SourceReference(pages, section, walker.String(source, "document", sourcePath, required: false));
    }

    private static CriterionRule? ReadRuleProperty(JsonElement element, string name, string path, JsonWalker walker, bool required)
    {
        if (!element.TryGetProperty(name, out var rule) || rule.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                walker.Report("GL101", JsonWalker.Child(path, name), $"'{name}' is required.");
            }

            return null;
        }

        return ReadRule(rule, JsonWalker.Child(path, name), walker);
    }

    /// <summary>Parses one rule node; reports GL209 for a node that matches no rule shape.</summary>
    public static CriterionRule? ReadRule(JsonElement element, string path, JsonWalker walker)
    {
        if (!walker.IsObject(element, path))
        {
            return null;
        }

        if (element.TryGetProperty("allOf", out _) || element.TryGetProperty("anyOf", out _))
        {
            var name = element.TryGetProperty("allOf", out _) ? "allOf" : "anyOf";
            walker.CheckProperties(element, path, name);
            var parts = walker.Array(element, name, path, required: true).Select(p => ReadRule(p.Item, p.Path, walker)).ToList();
            if (parts.Count == 0)
            {
                walker.Report("GL209", JsonWalker.Child(path, name), $"'{name}' needs at least one rule.");
            }

            if (parts.Any(p => p is null))
            {
                return null;
            }

            var rules = parts.OfType<CriterionRule>().ToList();
            return name == "allOf" ? new AllOfRule(rules) : new AnyOfRule(rules);
        }

        if (element.TryGetProperty("not", out var inner))
        {
            walker.CheckProperties(element, path, "not");
            var rule = ReadRule(inner, JsonWalker.Child(path, "not"), walker);
            return rule is null ? null : new NotRule(rule);
        }

        if (element.TryGetProperty("judgement", out _))
        {
            walker.CheckProperties(element, path, "judgement");
            var question = walker.String(element, "judgement", path, required: true);
            return question is null ? null : new JudgementRule(question);
        }

        if (element.TryGetProperty("calc", out _))
        {
            walker.CheckProperties(element, path, "calc", "min", "max", "values", "list");
            var calc = walker.String(element, "calc", path, required: true);
            if (calc is not null && !GuidelineVocabulary.CalculationFacts.ContainsKey(calc))
            {
                walker.Report("GL205", JsonWalker.Child(path, "calc"), $"unknown calculation '{calc}'; known: {string.Join(", ", GuidelineVocabulary.Calculations)}.");
                calc = null;
            }

            var values = walker.Strings(element, "values", path, required: false) ?? [];
            var min = walker.Number(element, "min", path);
            var max = walker.Number(element, "max", path);
            if (calc is not null && !GuidelineVocabulary.Tests.Contains(calc) && min is null && max is null && values.Count == 0)
            {
                walker.Report("GL209", path, $"'calc' {calc} needs 'min', 'max' or 'values'.");
            }

            return calc is null ? null : new CalcRule(calc, min, max, values, walker.String(element, "list", path, required: false));
        }

        if (element.TryGetProperty("fact", out _))
        {
            walker.CheckProperties(element, path, "fact", "requires", "min", "max");
            var fact = walker.String(element, "fact", path, required: true);
            if (fact is not null && !GuidelineVocabulary.FactKinds.Contains(fact))
            {
                walker.Report("GL202", JsonWalker.Child(path, "fact"), $"unknown fact kind '{fact}'.");
                fact = null;
            }

            var requires = walker.Word(element, "requires", path, Expectations, required: false);
            var min = walker.Number(element, "min", path);
            var max = walker.Number(element, "max", path);
            if (requires is null && min is null && max is null && element.TryGetProperty("fact", out _) && !element.TryGetProperty("requires", out _))
            {
                walker.Report("GL209", path, "a fact rule needs 'requires' (affirmed, negated, not-affirmed, ever) or 'min'/'max'.");
                return null;
            }

            return fact is null ? null : new FactRule(fact, requires, min, max);
        }

        walker.Report("GL209", path, "a rule must have one of: fact, calc, allOf, anyOf, not, judgement.");
        return null;
    }

    private static void CheckRuleFactsListed(CriterionRule? rule, IReadOnlyList<string>? facts, string path, JsonWalker walker)
    {
        if (rule is null || facts is null)
        {
            return;
        }

        foreach (var fact in rule.FactKinds().Distinct(StringComparer.Ordinal).Where(f => !facts.Contains(f, StringComparer.Ordinal)))
        {
            walker.Report("GL208", path, $"the rule reads '{fact}', which the criterion's 'facts' does not list.");
        }
    }

    /// <summary>"imaging/*": every kind of a family the catalogue knows.</summary>
    private static bool IsKnownFamilyWildcard(string service) =>
        service.EndsWith("/*", StringComparison.Ordinal)
        && GuidelineVocabulary.ServiceKinds.Any(k => k.StartsWith(service[..^1], StringComparison.Ordinal));

    private static void CheckAll(IReadOnlyList<string>? values, FrozenSet<string> known, string code, string what, string path, JsonWalker walker)
    {
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            if (!known.Contains(values![i]))
            {
                walker.Report(code, JsonWalker.Index(path, i), $"unknown {what} '{values[i]}'.");
            }
        }
    }

    /// <summary>"98-99", "125", "30-34, 49", "41-42, 63-66": numbers and ranges separated by commas.</summary>
    internal static bool IsPageRange(string pages) =>
        pages.Split(',').All(part =>
        {
            var bounds = part.Trim().Split('-');
            return bounds.Length is 1 or 2 && bounds.All(b => b.Length > 0 && b.All(char.IsAsciiDigit));
        });
}
