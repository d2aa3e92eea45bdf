package org.masthead.article;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of scheduled publishing ({@code masthead.workflow.*}).
 *
 * @param publishCheckInterval how often a node looks for scheduled articles whose time has come: an
 *     article goes live at most this long (plus the time to publish the ones before it) after its time
 * @param publishLockAtMost how long a node that died while publishing keeps the others waiting
 */
@ConfigurationProperties("masthead.workflow")
public record WorkflowSettings(
        @DefaultValue("15s") Duration publishCheckInterval,
        @DefaultValue("5m") Duration publishLockAtMost) {}
