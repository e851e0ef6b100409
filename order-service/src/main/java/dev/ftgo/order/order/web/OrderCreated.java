package dev.ftgo.order.order.web;

record OrderCreated(String orderId, String state) {
}
