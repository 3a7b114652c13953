using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace OpenImr.Application;

/// <summary>
/// The last <see cref="CaseView"/> built for each case, kept with the stamp it was built at: the
/// case's row version and the id of its latest audit line. Every change to what the view shows
/// either bumps the version or writes an audit line, so a view whose stamp still matches is current.
/// </summary>
public sealed class CaseViewCache
{
    // Note that this bounds memory on a large database; clearing costs only rebuilds.
    private const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<Guid, (CaseStamp Stamp, CaseView View)> _views = new();

    public bool TryGet(Guid id, CaseStamp stamp, [NotNullWhen(true)] out CaseView? view)
    {
        if (_views.TryGetValue(id, out var entry) && entry.Stamp == stamp)
        {
            view = entry.View;
            return true;
        }

        view = null;
        return false;
    }

    public void Remember(Guid id, CaseStamp stamp, CaseView view)
    {
        if (_views.Count >= MaxEntries)
        {
            _views.Clear();
        }

        _views[id] = (stamp, view);
    }
}

/// <summary>What identifies one state of a stored case: its row version and its latest audit line.</summary>
public readonly record struct CaseStamp(int Version, long? LastAuditId);
