/**
 * Files written all at once or not at all, and the reasons of I/O failures in words a user
 * reads. JDK only; every other package may import it (save, plots and data sets all write
 * files the same way).
 */
package gradus.io;
