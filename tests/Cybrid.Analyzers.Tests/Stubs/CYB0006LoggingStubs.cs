using System.Text;

namespace Cybrid.Analyzers.Tests.Stubs
{
    /// <summary>
    /// Small stand-ins for the logging libraries and ASP.NET Core types the net8.0 reference pack lacks, with their
    /// real namespaces, names and the overloads CYB0006 tests call. Compiled with the test sources.
    /// </summary>
    public static class CYB0006LoggingStubs
    {
        /// <summary>Microsoft.Extensions.Logging: ILogger, ILogger&lt;T&gt;, LoggerExtensions, [LoggerMessage].</summary>
        public const string MicrosoftLogging = @"
namespace Microsoft.Extensions.Logging
{
    using System;

    public enum LogLevel { Trace, Debug, Information, Warning, Error, Critical, None }

    public readonly struct EventId
    {
        public EventId(int id, string name = null) { Id = id; Name = name; }
        public int Id { get; }
        public string Name { get; }
        public static implicit operator EventId(int i) => new EventId(i);
    }

    public interface ILogger
    {
        void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception exception, Func<TState, Exception, string> formatter);
        bool IsEnabled(LogLevel logLevel);
        IDisposable BeginScope<TState>(TState state);
    }

    public interface ILogger<out TCategoryName> : ILogger { }

    public static class LoggerExtensions
    {
        public static void LogTrace(this ILogger logger, string message, params object[] args) { }
        public static void LogTrace(this ILogger logger, Exception exception, string message, params object[] args) { }
        public static void LogDebug(this ILogger logger, string message, params object[] args) { }
        public static void LogDebug(this ILogger logger, EventId eventId, string message, params object[] args) { }
        public static void LogDebug(this ILogger logger, Exception exception, string message, params object[] args) { }
        public static void LogInformation(this ILogger logger, string message, params object[] args) { }
        public static void LogInformation(this ILogger logger, EventId eventId, string message, params object[] args) { }
        public static void LogInformation(this ILogger logger, Exception exception, string message, params object[] args) { }
        public static void LogWarning(this ILogger logger, string message, params object[] args) { }
        public static void LogWarning(this ILogger logger, Exception exception, string message, params object[] args) { }
        public static void LogError(this ILogger logger, string message, params object[] args) { }
        public static void LogError(this ILogger logger, Exception exception, string message, params object[] args) { }
        public static void LogError(this ILogger logger, EventId eventId, Exception exception, string message, params object[] args) { }
        public static void LogCritical(this ILogger logger, string message, params object[] args) { }
        public static void LogCritical(this ILogger logger, Exception exception, string message, params object[] args) { }
        public static void Log(this ILogger logger, LogLevel logLevel, string message, params object[] args) { }
        public static void Log(this ILogger logger, LogLevel logLevel, Exception exception, string message, params object[] args) { }
        public static IDisposable BeginScope(this ILogger logger, string messageFormat, params object[] args) => null;
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public sealed class LoggerMessageAttribute : Attribute
    {
        public LoggerMessageAttribute() { }
        public LoggerMessageAttribute(int eventId, LogLevel level, string message) { EventId = eventId; Level = level; Message = message; }
        public LoggerMessageAttribute(LogLevel level, string message) { Level = level; Message = message; }
        public int EventId { get; set; }
        public string EventName { get; set; }
        public LogLevel Level { get; set; }
        public string Message { get; set; }
    }
}
";

        /// <summary>Microsoft.AspNetCore.Http: HttpContext, HttpRequest, HttpResponse, IHeaderDictionary; StringValues.</summary>
        public const string AspNetCore = @"
namespace Microsoft.Extensions.Primitives
{
    using System.Collections;
    using System.Collections.Generic;

    public readonly struct StringValues : IEnumerable<string>
    {
        private readonly string _value;
        public StringValues(string value) { _value = value; }
        public int Count => _value == null ? 0 : 1;
        public static implicit operator StringValues(string value) => new StringValues(value);
        public static implicit operator string(StringValues values) => values._value;
        public override string ToString() => _value ?? string.Empty;
        public IEnumerator<string> GetEnumerator() { yield return _value; }
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

namespace Microsoft.AspNetCore.Http
{
    using System.Collections.Generic;
    using Microsoft.Extensions.Primitives;

    public interface IHeaderDictionary : IDictionary<string, StringValues>
    {
        new StringValues this[string key] { get; set; }
        StringValues Authorization { get; set; }
        StringValues ContentType { get; set; }
    }

    public abstract class HttpRequest
    {
        public abstract IHeaderDictionary Headers { get; }
        public abstract string Method { get; set; }
        public abstract string Path { get; set; }
    }

    public abstract class HttpResponse
    {
        public abstract IHeaderDictionary Headers { get; }
        public abstract int StatusCode { get; set; }
    }

    public abstract class HttpContext
    {
        public abstract HttpRequest Request { get; }
        public abstract HttpResponse Response { get; }
    }
}
";

        /// <summary>Serilog: the static Log, Serilog.ILogger, LogEventLevel, LogContext.</summary>
        public static readonly string Serilog = BuildSerilog();

        /// <summary>NLog: Logger, ILogger, ILoggerBase, LogLevel, LogManager.</summary>
        public static readonly string NLog = BuildNLog();

        /// <summary>log4net: ILog, LogManager.</summary>
        public static readonly string Log4Net = BuildLog4Net();

        private static string BuildSerilog()
        {
            var members = new StringBuilder();
            var statics = new StringBuilder();
            foreach (var level in new[] { "Verbose", "Debug", "Information", "Warning", "Error", "Fatal" })
            {
                members.Append("        void ").Append(level).Append("(string messageTemplate);\n");
                members.Append("        void ").Append(level).Append("<T>(string messageTemplate, T propertyValue);\n");
                members.Append("        void ").Append(level).Append("<T0, T1>(string messageTemplate, T0 propertyValue0, T1 propertyValue1);\n");
                members.Append("        void ").Append(level).Append("(string messageTemplate, params object[] propertyValues);\n");
                members.Append("        void ").Append(level).Append("(Exception exception, string messageTemplate, params object[] propertyValues);\n");
                statics.Append("        public static void ").Append(level).Append("(string messageTemplate) { }\n");
                statics.Append("        public static void ").Append(level).Append("<T>(string messageTemplate, T propertyValue) { }\n");
                statics.Append("        public static void ").Append(level).Append("(string messageTemplate, params object[] propertyValues) { }\n");
                statics.Append("        public static void ").Append(level).Append("(Exception exception, string messageTemplate, params object[] propertyValues) { }\n");
            }

            return @"
namespace Serilog.Events
{
    public enum LogEventLevel { Verbose, Debug, Information, Warning, Error, Fatal }
}

namespace Serilog
{
    using System;
    using Serilog.Events;

    public interface ILogger
    {
        ILogger ForContext(string propertyName, object value, bool destructureObjects = false);
        void Write(LogEventLevel level, string messageTemplate, params object[] propertyValues);
" + members + @"    }

    public static class Log
    {
        public static ILogger Logger { get; set; }
        public static ILogger ForContext(string propertyName, object value, bool destructureObjects = false) => Logger;
        public static void Write(LogEventLevel level, string messageTemplate, params object[] propertyValues) { }
" + statics + @"    }
}

namespace Serilog.Context
{
    public static class LogContext
    {
        public static System.IDisposable PushProperty(string name, object value, bool destructureObjects = false) => null;
    }
}
";
        }

        private static string BuildNLog()
        {
            var members = new StringBuilder();
            var implementations = new StringBuilder();
            foreach (var level in new[] { "Trace", "Debug", "Info", "Warn", "Error", "Fatal" })
            {
                members.Append("        void ").Append(level).Append("(string message);\n");
                members.Append("        void ").Append(level).Append("(string message, params object[] args);\n");
                members.Append("        void ").Append(level).Append("<TArgument>(string message, TArgument argument);\n");
                members.Append("        void ").Append(level).Append("(Exception exception, string message, params object[] args);\n");
                implementations.Append("        public void ").Append(level).Append("(string message) { }\n");
                implementations.Append("        public void ").Append(level).Append("(string message, params object[] args) { }\n");
                implementations.Append("        public void ").Append(level).Append("<TArgument>(string message, TArgument argument) { }\n");
                implementations.Append("        public void ").Append(level).Append("(Exception exception, string message, params object[] args) { }\n");
            }

            return @"
namespace NLog
{
    using System;

    public sealed class LogLevel
    {
        public static readonly LogLevel Info = new LogLevel();
        public static readonly LogLevel Warn = new LogLevel();
    }

    public interface ILoggerBase
    {
        void Log(LogLevel level, string message, params object[] args);
    }

    public interface ILogger : ILoggerBase
    {
" + members + @"    }

    public class Logger : ILogger
    {
        public void Log(LogLevel level, string message, params object[] args) { }
" + implementations + @"    }

    public static class LogManager
    {
        public static Logger GetCurrentClassLogger() => new Logger();
    }
}
";
        }

        private static string BuildLog4Net()
        {
            var members = new StringBuilder();
            foreach (var level in new[] { "Debug", "Info", "Warn", "Error", "Fatal" })
            {
                members.Append("        void ").Append(level).Append("(object message);\n");
                members.Append("        void ").Append(level).Append("(object message, Exception exception);\n");
                members.Append("        void ").Append(level).Append("Format(string format, params object[] args);\n");
                members.Append("        bool Is").Append(level).Append("Enabled { get; }\n");
            }

            return @"
namespace log4net
{
    using System;

    public interface ILog
    {
" + members + @"    }

    public static class LogManager
    {
        public static ILog GetLogger(Type type) => null;
    }
}
";
        }
    }
}
