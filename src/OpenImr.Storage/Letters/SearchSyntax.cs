using System.Text;

namespace OpenImr.Storage.Letters;

/// <summary>A parsed full-text query, rendered by each provider into its own syntax.</summary>
internal abstract record SearchNode;

/// <summary>A word; with <see cref="Prefix"/>, any word starting with it.</summary>
internal sealed record TermNode(string Text, bool Prefix) : SearchNode;

/// <summary>Words that must appear next to each other, in order.</summary>
internal sealed record PhraseNode(string Text) : SearchNode;

internal sealed record AndNode(IReadOnlyList<SearchNode> Parts) : SearchNode;

internal sealed record OrNode(IReadOnlyList<SearchNode> Parts) : SearchNode;

/// <summary>
/// Reads the query language of <see cref="LetterQuery.Text"/>: words, <c>"phrases"</c>, <c>prefix*</c>,
/// <c>OR</c>, <c>AND</c> (also implied between neighbours) and parentheses. <c>AND</c> binds tighter than
/// <c>OR</c>. It never fails: an unclosed quote or parenthesis ends at the end of the text, and
/// stray operators are ignored.
/// </summary>
internal static class SearchSyntax
{
    /// <summary>What is wrong with <paramref name="text"/> as a query (see <see cref="LetterQuery.TextProblem"/>), or null.</summary>
    public static string? Problem(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length > LetterQuery.MaxTextLength)
        {
            return $"The query has {text.Length} characters; at most {LetterQuery.MaxTextLength} are searched. Shorten it.";
        }

        if (HasControlCharacter(text))
        {
            return "The query holds a control character (such as NUL); remove it.";
        }

        var tokens = Tokenize(text);
        var terms = tokens.Count(t => t.Kind is TokenKind.Word or TokenKind.Phrase);
        if (terms > LetterQuery.MaxTerms)
        {
            return $"The query has {terms} words and phrases; at most {LetterQuery.MaxTerms} are searched. Use fewer.";
        }

        var (depth, deepest) = (0, 0);
        foreach (var token in tokens)
        {
            depth = token.Kind switch
            {
                TokenKind.Open => depth + 1,
                TokenKind.Close => Math.Max(0, depth - 1),
                _ => depth,
            };
            deepest = Math.Max(deepest, depth);
        }

        return deepest > LetterQuery.MaxDepth
            ? $"The query nests parentheses {deepest} deep; at most {LetterQuery.MaxDepth} are read. Close them or use fewer."
            : null;
    }

    /// <summary>Whether <paramref name="text"/> holds a control character other than a tab or a line break.</summary>
    public static bool HasControlCharacter(string text) => text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'));

    public static SearchNode? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var tokens = Tokenize(text);
        var position = 0;
        return ParseOr(tokens, ref position, nested: false);
    }

    private static SearchNode? ParseOr(List<Token> tokens, ref int position, bool nested)
    {
        var parts = new List<SearchNode>();
        var current = new List<SearchNode>();
        while (position < tokens.Count)
        {
            var token = tokens[position];
            if (token.Kind == TokenKind.Close)
            {
                position++;
                if (nested)
                {
                    break;
                }

                continue;
            }

            position++;
            switch (token.Kind)
            {
                case TokenKind.Or:
                    AddAnd(parts, current);
                    current = [];
                    break;
                case TokenKind.And:
                    break;
                case TokenKind.Open:
                    if (ParseOr(tokens, ref position, nested: true) is { } group)
                    {
                        current.Add(group);
                    }

                    break;
                case TokenKind.Phrase:
                    current.Add(new PhraseNode(token.Text));
                    break;
                default:
                    var prefix = token.Text.EndsWith('*');
                    var word = token.Text.TrimEnd('*');
                    if (word.Any(char.IsLetterOrDigit))
                    {
                        current.Add(new TermNode(word, prefix));
                    }

                    break;
            }
        }

        AddAnd(parts, current);
        return parts.Count switch
        {
            0 => null,
            1 => parts[0],
            _ => new OrNode(parts),
        };
    }

    private static void AddAnd(List<SearchNode> parts, List<SearchNode> current)
    {
        if (current.Count == 1)
        {
            parts.Add(current[0]);
        }
        else if (current.Count > 1)
        {
            parts.Add(new AndNode(current));
        }
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '"')
            {
                var end = text.IndexOf('"', i + 1);
                if (end < 0)
                {
                    end = text.Length;
                }

                var phrase = text[(i + 1)..end].Trim();
                if (phrase.Any(char.IsLetterOrDigit))
                {
                    tokens.Add(new Token(TokenKind.Phrase, phrase));
                }

                i = end + 1;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(new Token(c == '(' ? TokenKind.Open : TokenKind.Close, ""));
                i++;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('"' or '(' or ')'))
                {
                    i++;
                }

                var word = text[start..i];
                tokens.Add(word switch
                {
                    "OR" or "|" => new Token(TokenKind.Or, word),
                    "AND" or "&" => new Token(TokenKind.And, word),
                    _ => new Token(TokenKind.Word, word),
                });
            }
        }

        return tokens;
    }

    /// <summary>Whether the query needs two of its parts at once (an <c>AND</c> anywhere), so that which columns hold them matters.</summary>
    public static bool JoinsWithAnd(SearchNode node) => node switch
    {
        AndNode => true,
        OrNode or => or.Parts.Any(JoinsWithAnd),
        _ => false,
    };

    /// <summary>Renders a query for an FTS5 <c>MATCH</c>: every word and phrase quoted, so no user text is read as FTS5 syntax.</summary>
    public static string ToFts5(SearchNode node) => node switch
    {
        TermNode term => Quote(term.Text) + (term.Prefix ? "*" : ""),
        PhraseNode phrase => Quote(phrase.Text),
        AndNode and => "(" + string.Join(" AND ", and.Parts.Select(ToFts5)) + ")",
        OrNode or => "(" + string.Join(" OR ", or.Parts.Select(ToFts5)) + ")",
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    /// <summary>
    /// Renders a query as a PostgreSQL <c>tsquery</c> expression: words and phrases through
    /// <c>websearch_to_tsquery</c>, prefixes through <c>to_tsquery(... ':*')</c>, combined with
    /// <c>&amp;&amp;</c> and <c>||</c>. User text only ever travels as parameters, added to <paramref name="parameters"/>.
    /// </summary>
    public static string ToTsQuery(SearchNode node, string config, List<object> parameters) => node switch
    {
        TermNode { Prefix: true } term => $"to_tsquery('{config}', {Add(parameters, PrefixTsQuery(term.Text))})",
        TermNode term => $"websearch_to_tsquery('{config}', {Add(parameters, Websearch(term.Text))})",
        PhraseNode phrase => $"websearch_to_tsquery('{config}', {Add(parameters, "\"" + Websearch(phrase.Text) + "\"")})",
        AndNode and => "(" + string.Join(" && ", and.Parts.Select(p => ToTsQuery(p, config, parameters))) + ")",
        OrNode or => "(" + string.Join(" || ", or.Parts.Select(p => ToTsQuery(p, config, parameters))) + ")",
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private static string Add(List<object> parameters, string value)
    {
        parameters.Add(value);
        return "@p" + (parameters.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // Note that websearch_to_tsquery reads '-', 'or' and quotes as operators; a word here is only a word.
    private static string Websearch(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !w.Equals("or", StringComparison.OrdinalIgnoreCase)));
    }

    // "l4-l*" is the words l4 and l... as FTS5 reads it: every part a word, the last a prefix.
    private static string PrefixTsQuery(string text)
    {
        var words = Websearch(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(" & ", words.Select((w, i) => i == words.Length - 1 ? w + ":*" : w));
    }

    private enum TokenKind
    {
        Word,
        Phrase,
        Or,
        And,
        Open,
        Close,
    }

    private readonly record struct Token(TokenKind Kind, string Text);
}
