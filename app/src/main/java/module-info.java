/**
 * Snapferry: browse, audit and copy cluster snapshots of Amazon Aurora, DocumentDB, DocumentDB Elastic and
 * Neptune. One open module: Jackson reflects into it, and explicit {@code opens} do not yet pay for themselves.
 */
@org.jspecify.annotations.NullMarked
open module dev.snapferry {
    requires javafx.controls;
    requires org.controlsfx.controls;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.fasterxml.jackson.dataformat.csv;
    requires com.fasterxml.jackson.dataformat.xml;
    requires software.amazon.awssdk.services.rds;
    requires software.amazon.awssdk.services.docdb;
    requires software.amazon.awssdk.services.neptune;
    requires software.amazon.awssdk.services.docdbelastic;
    requires software.amazon.awssdk.services.kms;
    requires software.amazon.awssdk.services.sts;
    requires software.amazon.awssdk.services.sso;
    requires software.amazon.awssdk.services.ssooidc;
    requires software.amazon.awssdk.http.apache;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.core;
    requires software.amazon.awssdk.awscore;
    requires software.amazon.awssdk.auth;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.profiles;
    requires software.amazon.awssdk.utils;
    requires software.amazon.awssdk.retries.api;
    requires org.slf4j;
    requires jdk.httpserver;
    // The installer smoke check writes the window to PNG with ImageIO.
    requires java.desktop;
    requires static org.jspecify;


    exports dev.snapferry.core.model;
    exports dev.snapferry.core.rules;
    exports dev.snapferry.app;
}
