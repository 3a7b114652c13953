using MudBlazor;

namespace OpenImr.Web.Components.Layout;

/// <summary>The colours of the UI: MudBlazor's defaults darkened where text on them fell short of WCAG AA contrast (4.5:1).</summary>
public static class ImrTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#6a1b9a",
            AppbarBackground = "#1f4e79",
            Error = "#b3261e",
            Success = "#1b5e20",
            Warning = "#8a4b00",
            Info = "#0b5394",
            TextSecondary = "#4a4a4a",
        },
    };
}
