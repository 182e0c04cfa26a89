namespace Vigil.Demo;

/// <summary>One story of the demo, run in the shared lab; the runner tears the lab down after the last.</summary>
internal interface IDemoStory
{
    /// <summary>The heading printed before the story starts.</summary>
    string Title { get; }

    /// <summary>The processes whose last lines explain a failed step (daemons, the client), once started.</summary>
    IEnumerable<GroupProcess> Reported { get; }

    /// <summary>Runs every step; throws <see cref="DemoException"/> when one does not happen in time.</summary>
    void Run();
}
