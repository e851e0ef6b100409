/**
 * A graceful stop of a service registered with Eureka that costs its callers no request: leave the registry,
 * wait until the callers have forgotten the instance, then let the web server finish the requests in flight
 * ({@link dev.ftgo.web.discovery.DeregisterBeforeShutdownAutoConfiguration}).
 */
package dev.ftgo.web.discovery;
