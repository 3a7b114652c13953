namespace OpenImr.Domain.Guidelines;

/// <summary>Turns drafts into guidelines: resolves <c>basedOn</c>, then checks what only a whole topic can show.</summary>
internal static class TopicResolver
{
    public static List<Guideline> Resolve(IReadOnlyList<GuidelineDraft> drafts, List<LibraryProblem> problems)
    {
        var byKey = new Dictionary<string, TopicDraft>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            foreach (var (topic, index) in draft.Topics.Select((t, i) => (t, i)))
            {
                if (!byKey.TryAdd($"{draft.Id}/{topic.Id}", topic))
                {
                    problems.Add(new LibraryProblem("GL201", draft.File, $"$.topics[{index}].id", $"duplicate topic id '{topic.Id}' in guideline '{draft.Id}'."));
                }
            }
        }

        var guidelines = new List<Guideline>();
        foreach (var draft in drafts)
        {
            var topics = new List<GuidelineTopic>();
            foreach (var topicDraft in draft.Topics.DistinctBy(t => t.Id))
            {
                var topic = Build(topicDraft, draft, byKey, problems);
                if (topic is not null)
                {
                    topics.Add(topic);
                }
            }

            if (!draft.Complete)
            {
                continue;
            }

            guidelines.Add(new Guideline(draft.Id, draft.Family, draft.Source, draft.Title, draft.Aliases, draft.Edition, draft.Citation,
                draft.CitesBy, draft.Effective, topics, draft.File));
        }

        return guidelines;
    }

    private static GuidelineTopic? Build(TopicDraft own, GuidelineDraft guideline, Dictionary<string, TopicDraft> byKey, List<LibraryProblem> problems)
    {
        var draft = own;
        var seen = new HashSet<string>(StringComparer.Ordinal) { $"{own.GuidelineId}/{own.Id}" };
        var baseDraft = own.BasedOn;
        while (baseDraft is not null)
        {
            if (!byKey.TryGetValue(baseDraft, out var parent))
            {
                problems.Add(new LibraryProblem("GL210", own.File, $"{own.Path}.basedOn", $"'basedOn' names '{baseDraft}', which is not a guideline/topic in the library."));
                break;
            }

            if (!seen.Add(baseDraft))
            {
                problems.Add(new LibraryProblem("GL210", own.File, $"{own.Path}.basedOn", $"'basedOn' goes round in a circle through '{baseDraft}'."));
                break;
            }

            draft = Merge(draft, parent, keepPages: guideline.CitesBy == CitationStyle.Pages && parent.GuidelineId == own.GuidelineId);
            baseDraft = parent.BasedOn;
        }

        var ok = true;
        void Require(object? value, string name)
        {
            if (value is null)
            {
                problems.Add(new LibraryProblem("GL101", own.File, $"{own.Path}.{name}", $"'{name}' is required (directly or through 'basedOn')."));
                ok = false;
            }
        }

        Require(draft.Recommendation, "recommendation");
        Require(draft.Regions, "regions");
        Require(draft.Confidence, "confidence");
        if (draft.Regions is { Count: 0 })
        {
            problems.Add(new LibraryProblem("GL101", own.File, $"{own.Path}.regions", "'regions' must name at least one region, or 'any'."));
        }

        if (guideline.CitesBy == CitationStyle.Pages && draft.Pages is null)
        {
            problems.Add(new LibraryProblem("GL206", own.File, $"{own.Path}.pages",
                $"topic '{own.Id}' has no pages, but '{guideline.Id}' is cited by pages; add 'pages' or set the guideline's 'citesBy' to 'section'."));
        }

        var lists = draft.Lists ?? new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (criterion, index) in (draft.Criteria ?? []).Select((c, i) => (c, i)))
        {
            foreach (var calc in Calcs(criterion.Rule).Concat(Calcs(criterion.When)).Where(c => c.List is not null && !lists.ContainsKey(c.List)))
            {
                problems.Add(new LibraryProblem("GL210", own.File, $"{own.Path}.criteria[{index}].rule", $"the rule reads list '{calc.List}', which topic '{own.Id}' does not define under 'lists'."));
            }
        }

        if (!ok)
        {
            return null;
        }

        return new GuidelineTopic(own.Id, own.GuidelineId, draft.Section, draft.Aliases ?? [], draft.Pages, draft.Recommendation!.Value, draft.Summary,
            draft.Services ?? [], draft.Regions!, draft.Conditions ?? [], draft.Criteria ?? [], draft.Quantities ?? [], lists, draft.Confidence!.Value, own.BasedOn,
            own.AppliesAlongside);
    }

    private static TopicDraft Merge(TopicDraft own, TopicDraft parent, bool keepPages) => own with
    {
        Aliases = own.Aliases ?? parent.Aliases,
        Pages = own.Pages ?? (keepPages ? parent.Pages : null),
        Recommendation = own.Recommendation ?? parent.Recommendation,
        Summary = own.Summary ?? parent.Summary,
        Services = own.Services ?? parent.Services,
        Regions = own.Regions ?? parent.Regions,
        Conditions = own.Conditions ?? parent.Conditions,
        Criteria = own.Criteria ?? parent.Criteria,
        Quantities = own.Quantities ?? parent.Quantities,
        Lists = own.Lists ?? parent.Lists,
        Confidence = own.Confidence ?? parent.Confidence,
    };

    private static IEnumerable<CalcRule> Calcs(CriterionRule? rule) => rule switch
    {
        CalcRule calc => [calc],
        AllOfRule all => all.Rules.SelectMany(Calcs),
        AnyOfRule any => any.Rules.SelectMany(Calcs),
        NotRule not => Calcs(not.Rule),
        _ => [],
    };
}
