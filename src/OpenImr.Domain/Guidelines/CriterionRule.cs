namespace OpenImr.Domain.Guidelines;

/// <summary>What a fact rule expects of a fact's status.</summary>
public enum FactExpectation
{
    /// <summary>Met when the fact is affirmed; not met when negated; otherwise not documented.</summary>
    Affirmed,

    /// <summary>Met when the fact is negated; not met when affirmed; otherwise not documented.</summary>
    Negated,

    /// <summary>Met unless the fact is affirmed (absence is enough).</summary>
    NotAffirmed,

    /// <summary>Met when the fact is affirmed or historical (it happened at some point).</summary>
    Ever,
}

/// <summary>
/// A small declarative rule over facts, as written in the library JSON. Evaluation is three-valued:
/// met, not met, not documented.
/// </summary>
public abstract record CriterionRule
{
    /// <summary>Every fact kind the rule reads, nested rules included.</summary>
    public abstract IEnumerable<string> FactKinds();
}

/// <summary><c>{"requires": "affirmed", "fact": "work.rtw-goal"}</c>, or a numeric test <c>{"fact": "patient.age", "min": 66}</c>.</summary>
/// <param name="Fact">Fact kind.</param>
/// <param name="Requires">Expected status; <see langword="null"/> for a numeric test on an affirmed fact.</param>
/// <param name="Min">Inclusive lower bound on the fact's number.</param>
/// <param name="Max">Inclusive upper bound on the fact's number.</param>
public sealed record FactRule(string Fact, FactExpectation? Requires, decimal? Min, decimal? Max) : CriterionRule
{
    /// <inheritdoc/>
    public override IEnumerable<string> FactKinds() => [Fact];
}

/// <summary>
/// <c>{"calc": "months-since-injury", "max": 24}</c>: a value computed from dates, the request or the
/// region, compared with bounds or a list of values. See <see cref="GuidelineVocabulary.Calculations"/>.
/// </summary>
/// <param name="Calc">Calculation id.</param>
/// <param name="Min">Inclusive lower bound.</param>
/// <param name="Max">Inclusive upper bound.</param>
/// <param name="Values">Values for the set tests (<c>region-in</c>, <c>service-in</c>, ...).</param>
/// <param name="List">Name of a topic list the calculation reads.</param>
public sealed record CalcRule(string Calc, decimal? Min, decimal? Max, IReadOnlyList<string> Values, string? List) : CriterionRule
{
    /// <inheritdoc/>
    public override IEnumerable<string> FactKinds() => GuidelineVocabulary.CalculationFacts.TryGetValue(Calc, out var facts) ? facts : [];
}

/// <summary><c>{"allOf": [...]}</c>: met when every part is met.</summary>
/// <param name="Rules">The parts.</param>
public sealed record AllOfRule(IReadOnlyList<CriterionRule> Rules) : CriterionRule
{
    /// <inheritdoc/>
    public override IEnumerable<string> FactKinds() => Rules.SelectMany(r => r.FactKinds());
}

/// <summary><c>{"anyOf": [...]}</c>: met when any part is met.</summary>
/// <param name="Rules">The parts.</param>
public sealed record AnyOfRule(IReadOnlyList<CriterionRule> Rules) : CriterionRule
{
    /// <inheritdoc/>
    public override IEnumerable<string> FactKinds() => Rules.SelectMany(r => r.FactKinds());
}

/// <summary><c>{"not": {...}}</c>: met when the part is not met.</summary>
/// <param name="Rule">The part.</param>
public sealed record NotRule(CriterionRule Rule) : CriterionRule
{
    /// <inheritdoc/>
    public override IEnumerable<string> FactKinds() => Rule.FactKinds();
}

/// <summary><c>{"judgement": "question"}</c>: the facts vocabulary cannot decide it; the reviewer answers the question.</summary>
/// <param name="Question">What the reviewer must decide.</param>
public sealed record JudgementRule(string Question) : CriterionRule
{
    /// <inheritdoc/>
    public override IEnumerable<string> FactKinds() => [];
}
