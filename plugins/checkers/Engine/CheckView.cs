namespace Vigil.Plugins.Checkers.Engine;

/// <summary>One check of a real server as the verdict sees it.</summary>
/// <param name="Checker">The checker's keyword (<c>HTTP_GET</c>).</param>
/// <param name="Up">True while the check counts as passing.</param>
/// <param name="Reason">Its last counted result in words (<c>ok</c>, <c>timeout</c>), or why it has none yet.</param>
/// <param name="Weight">The weight its passing probe set (<c>misc_dynamic</c>), or null.</param>
internal sealed record CheckView(string Checker, bool Up, string Reason, int? Weight);
