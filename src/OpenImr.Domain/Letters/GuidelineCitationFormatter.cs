using System.Text;

namespace OpenImr.Domain.Letters;

/// <summary>
/// Writes citations as a letter's guideline line ("Decision based on MTUS Chronic Pain Medical
/// Treatment Guidelines 2009, Section(s): Physical Medicine, Page(s): 98-99."), the inverse of
/// <see cref="GuidelineCitationParser"/>.
/// </summary>
public static class GuidelineCitationFormatter
{
    public static string Format(IEnumerable<GuidelineCitation> citations)
    {
        ArgumentNullException.ThrowIfNull(citations);
        var text = new StringBuilder();
        foreach (var citation in citations)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append("Decision based on ");
            switch (citation.Source)
            {
                case GuidelineCitationParser.Mtus:
                    text.Append("MTUS ").Append(citation.Title);
                    break;
                case GuidelineCitationParser.Odg:
                    text.Append("Non-MTUS Citation Official Disability Guidelines (ODG)");
                    break;
                case GuidelineCitationParser.Acoem:
                    text.Append("Non-MTUS Citation ACOEM Occupational Medicine Practice Guidelines");
                    break;
                default:
                    text.Append("Non-MTUS Citation ").Append(citation.Title);
                    break;
            }

            if (citation.Source == GuidelineCitationParser.Acoem && citation.Edition is { } acoemEdition)
            {
                text.Append(", ").Append(acoemEdition);
            }
            else if (citation.Edition is { } edition && citation.Source == GuidelineCitationParser.Mtus)
            {
                text.Append(' ').Append(edition);
            }

            if (citation.Section is { } section)
            {
                text.Append(citation.Source == GuidelineCitationParser.Mtus ? ", Section(s): " : ", ").Append(section);
            }

            if (citation.Pages is { } pages)
            {
                text.Append(", Page(s): ").Append(pages);
            }

            text.Append('.');
        }

        return text.ToString();
    }
}
