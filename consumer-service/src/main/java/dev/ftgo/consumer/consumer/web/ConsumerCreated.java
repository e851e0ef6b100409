package dev.ftgo.consumer.consumer.web;

record ConsumerCreated(String consumerId) {
}
