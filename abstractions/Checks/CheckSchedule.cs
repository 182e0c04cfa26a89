namespace Vigil.Abstractions.Checks;

/// <summary>
/// When a check runs and when its results change the real server's state: the checkers module's engine applies it
/// exactly as keepalived.conf(5) documents; a probe may read it (MISC_CHECK's <c>misc_timeout</c> defaults to <see cref="DelayLoop"/>).
/// </summary>
/// <param name="DelayLoop">Time between checks (<c>delay_loop</c>; keepalived's default 60 s).</param>
/// <param name="Warmup">The first check runs after a random delay up to this long (<c>warmup</c>; default <see cref="DelayLoop"/>; zero disables).</param>
/// <param name="Retry">Further checks after a failure of a server that is up before it is declared down (<c>retry</c>, formerly <c>nb_get_retry</c>).</param>
/// <param name="DelayBeforeRetry">Time between those retries (<c>delay_before_retry</c>).</param>
/// <param name="Alpha">Start the server down until a check proves it up (<c>alpha</c>).</param>
/// <param name="Omega">At shutdown, run the down notifications as if every server had gone down (the virtual server's <c>omega</c>).</param>
/// <param name="LogAllFailures">Log every failure, not only the ones that change the state (<c>log_all_failures</c>).</param>
public sealed record CheckSchedule(
    TimeSpan DelayLoop,
    TimeSpan Warmup,
    int Retry,
    TimeSpan DelayBeforeRetry,
    bool Alpha,
    bool Omega,
    bool LogAllFailures);
