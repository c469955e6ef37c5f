package com.oversight.grievance;

/** A file the reporter attached, checked and still in memory. */
public record Upload(String name, String contentType, byte[] data) {}
