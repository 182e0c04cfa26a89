namespace Vigil.Plugins.Notify.Configuration;

/// <summary>The settings in force, swapped whole on reload; channels read the global parts (SMTP server, script user) from here.</summary>
internal sealed class NotifySettingsHolder
{
    private volatile NotifySettings? _current;

    public NotifySettings Current => _current ?? throw new InvalidOperationException("the notify module has not started");

    public void Set(NotifySettings settings) => _current = settings;
}
