using System.Collections.Frozen;
using System.Reflection;

namespace OpenImr.Domain.Clinical;

/// <summary>Body region ids used by <see cref="ClinicalFact.Region"/> and <c>ParsedRequest.Region</c>.</summary>
public static class BodyRegions
{
    /// <summary>Every id below; the criteria library's regions are read from these (see <c>GuidelineVocabulary.Regions</c>).</summary>
    // Note that the set is read from the constants themselves, as FactKinds.All is.
    public static FrozenSet<string> All { get; } = typeof(BodyRegions).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToFrozenSet(StringComparer.Ordinal);

    public const string CervicalSpine = "cervical-spine";
    public const string ThoracicSpine = "thoracic-spine";
    public const string LumbarSpine = "lumbar-spine";
    public const string Spine = "spine";
    public const string Shoulder = "shoulder";
    public const string Elbow = "elbow";
    public const string Wrist = "wrist";
    public const string Hand = "hand";
    public const string Finger = "finger";
    public const string UpperExtremity = "upper-extremity";
    public const string Hip = "hip";
    public const string Knee = "knee";
    public const string Ankle = "ankle";
    public const string Foot = "foot";
    public const string LowerExtremity = "lower-extremity";
    public const string Head = "head";
    public const string Face = "face";
    public const string Chest = "chest";

    private static readonly FrozenSet<string> Hand3 = FrozenSet.Create(StringComparer.Ordinal, [Wrist, Hand, Finger]);
    private static readonly FrozenSet<string> Low = FrozenSet.Create(StringComparer.Ordinal, [LumbarSpine, Spine]);
    private static readonly FrozenSet<string> UpperQuarter = FrozenSet.Create(StringComparer.Ordinal,
        [CervicalSpine, Shoulder, Elbow, Wrist, Hand, Finger, UpperExtremity, Head]);
    private static readonly FrozenSet<string> LowerQuarter = FrozenSet.Create(StringComparer.Ordinal,
        [LumbarSpine, Spine, Hip, Knee, Ankle, Foot, LowerExtremity]);

    /// <summary>The same body part: equal, or the wrist, hand and fingers, or the low back named two ways.</summary>
    public static bool SamePart(string a, string b) =>
        string.Equals(a, b, StringComparison.Ordinal) || (Hand3.Contains(a) && Hand3.Contains(b)) || (Low.Contains(a) && Low.Contains(b))
        || (a == UpperExtremity && UpperQuarter.Contains(b)) || (b == UpperExtremity && UpperQuarter.Contains(a))
        || (a == LowerExtremity && LowerQuarter.Contains(b)) || (b == LowerExtremity && LowerQuarter.Contains(a));

    /// <summary>A limb and the spine that serves it: the neck with the arms, the low back with the legs (thoracic only with itself).</summary>
    public static bool SameLimbAndSpine(string a, string b) =>
        SamePart(a, b) || (UpperQuarter.Contains(a) && UpperQuarter.Contains(b)) || (LowerQuarter.Contains(a) && LowerQuarter.Contains(b));

    internal static PhraseLexicon<string> Lexicon { get; } = Build();

    /// <summary>Regions named in <paramref name="text"/>, in order, each once, with their laterality when stated next to them.</summary>
    public static IReadOnlyList<(string Region, Laterality? Laterality)> Find(string text)
    {
        var tokens = Tokenizer.Tokenize(text ?? "", 0, text?.Length ?? 0);
        var result = new List<(string, Laterality?)>();
        foreach (var (index, length, region) in Lexicon.MatchAll(tokens))
        {
            if (!result.Exists(r => r.Item1 == region))
            {
                result.Add((region, LateralityNear(tokens, index, length)));
            }
        }

        return result;
    }

    /// <summary>"left", "right", "bilateral" within three words before the region, or "bilaterally" just after.</summary>
    internal static Laterality? LateralityNear(IReadOnlyList<Token> tokens, int index, int length)
    {
        for (var k = index - 1; k >= 0 && k >= index - 3; k--)
        {
            var side = Side(tokens[k].Value);
            if (side is not null)
            {
                return side;
            }

            if (tokens[k].Value == Tokenizer.ScopeBreak)
            {
                break;
            }
        }

        var after = index + length;
        if (after < tokens.Count && tokens[after].Value is "bilaterally" or "bilateral")
        {
            return Laterality.Bilateral;
        }

        return null;
    }

    private static Laterality? Side(string word) => word switch
    {
        "left" or "lt" => Laterality.Left,
        "right" or "rt" => Laterality.Right,
        "bilateral" or "bilaterally" or "both" => Laterality.Bilateral,
        _ => null,
    };

    private static PhraseLexicon<string> Build()
    {
        var l = new PhraseLexicon<string>();
        l.AddAll(CervicalSpine, "cervical", "cervical spine", "neck", "c spine", "cervicothoracic", "c5", "c6", "c7", "c4", "c3", "trapezius");
        l.AddAll(ThoracicSpine, "thoracic", "thoracic spine", "mid back", "upper back", "t spine", "thoracolumbar");
        l.AddAll(LumbarSpine, "lumbar", "lumbar spine", "lumbosacral", "lumbosacral spine", "low back", "lower back", "back",
            "l spine", "l4", "l5", "l3", "s1", "l4 5", "l5 s1", "sacroiliac", "si joint", "sacrum", "coccyx");
        l.AddAll(Spine, "spine", "spinal");
        l.AddAll(Shoulder, "shoulder", "shoulders", "rotator cuff", "shoulder girdle", "acromioclavicular");
        l.AddAll(Elbow, "elbow", "elbows", "epicondyl*");
        l.AddAll(Wrist, "wrist", "wrists", "carpal");
        l.AddAll(Hand, "hand", "hands", "wrist hand", "thumb", "thumbs", "palm");
        l.AddAll(Finger, "finger", "fingers", "digit", "digits", "interphalangeal");
        l.AddAll(UpperExtremity, "upper extremity", "upper extremities", "upper limb", "upper limbs", "arm", "arms", "forearm", "forearms", "rue", "lue");
        l.AddAll(Hip, "hip", "hips");
        l.AddAll(Knee, "knee", "knees", "meniscus", "patella", "patellar");
        l.AddAll(Ankle, "ankle", "ankles");
        l.AddAll(Foot, "foot", "feet", "toe", "toes", "heel", "plantar");
        l.AddAll(LowerExtremity, "lower extremity", "lower extremities", "lower limb", "lower limbs", "leg", "legs", "thigh", "calf", "rle", "lle");
        l.AddAll(Head, "head", "scalp", "skull", "brain");
        l.AddAll(Face, "face", "facial", "jaw");
        l.AddAll(Chest, "chest", "rib", "ribs");
        return l;
    }
}
